// huibao serve: the page's script. Plain ES2017 for the Chromium-based
// browsers offices have (360, QQ, Edge); no libraries, no build step.
(function () {
  'use strict';
  var token = (document.querySelector('meta[name=csrf]') || {}).content || '';

  function $(sel, el) { return (el || document).querySelector(sel); }
  function $$(sel, el) { return Array.prototype.slice.call((el || document).querySelectorAll(sel)); }
  function on(el, ev, fn) { if (el) el.addEventListener(ev, fn); }
  function text(el, s) { el.textContent = s; }
  function make(tag, cls, s) { var e = document.createElement(tag); if (cls) e.className = cls; if (s != null) e.textContent = s; return e; }

  // Forms that ask before deleting.
  $$('form.confirm').forEach(function (f) {
    on(f, 'submit', function (ev) { if (!window.confirm(f.dataset.confirm)) ev.preventDefault(); });
  });

  newReport($('#new-report'));
  importForm($('#import'));
  folderForm($('#folder-form'));
  batchRun($('#batch'));
  var ed = $('#editor');
  if (ed) editor(ed);

  // The new-report form: dates only for a period by dates.
  function newReport(f) {
    if (!f) return;
    var span = $('#n-span', f), range = $('.range-only', f), year = $('#n-year', f);
    // Only the templates made for the period are offered.
    function sync() {
      var r = span.value === 'range', hidden = 0;
      range.classList.toggle('hidden', !r);
      year.disabled = r;
      $$('.tpl', f).forEach(function (t) {
        var fits = (' ' + t.dataset.spans + ' ').indexOf(' ' + span.value + ' ') >= 0;
        t.classList.toggle('hidden', !fits);
        if (!fits) { hidden++; $('input', t).checked = false; }
      });
      if (!$('.tpl input:checked', f)) {
        var first = $('.tpl:not(.hidden) input', f);
        if (first) first.checked = true;
      }
      text($('#tpl-note'), hidden ? '另有 ' + hidden + ' 个模板不适用于这个期间，没有列出。' : '');
    }
    on(span, 'change', sync);
    sync();
  }

  // Opening a file starts as soon as it is chosen.
  function importForm(f) {
    if (!f) return;
    on($('input[type=file]', f), 'change', function () { if (this.files.length) f.submit(); });
  }

  // A batch folder: only the folder's own files are sent, as batch reads them.
  function folderForm(f) {
    if (!f) return;
    var input = $('input[type=file]', f), info = $('#folder-info');
    function chosen() {
      var files = Array.prototype.slice.call(input.files), top = [], sub = 0, folder = '';
      files.forEach(function (file) {
        var parts = (file.webkitRelativePath || file.name).split('/');
        if (!folder && parts.length > 1) folder = parts[0];
        if (parts.length <= 2) top.push(file); else sub++;
      });
      return { top: top, sub: sub, folder: folder };
    }
    on(input, 'change', function () {
      var c = chosen();
      text(info, c.folder ? '文件夹“' + c.folder + '”：' + c.top.length + ' 个文件' + (c.sub ? '（子文件夹里的 ' + c.sub + ' 个不读）' : '') : '');
    });
    on(f, 'submit', function (ev) {
      ev.preventDefault();
      var c = chosen();
      if (!c.top.length) { text(info, '请先选择文件夹'); return; }
      var data = new FormData();
      data.append('folder', c.folder);
      c.top.forEach(function (file) { data.append('files', file, file.name); });
      var btn = $('button[type=submit]', f);
      btn.disabled = true;
      text(info, '正在上传……');
      fetch(f.action, { method: 'POST', body: data, credentials: 'same-origin' }).then(function (res) {
        if (res.redirected || res.ok) { location.href = res.url; return; }
        return res.text().then(function (html) { document.open(); document.write(html); document.close(); });
      }).catch(function () { text(info, '上传失败：连不上服务器'); btn.disabled = false; });
    });
  }

  // A batch run: start it, then follow its progress.
  function batchRun(page) {
    if (!page) return;
    var f = $('#run-form'), box = $('#progress'), bar = $('progress', box), label = $('#progress-text');
    var id = page.dataset.id;
    function poll() {
      fetch('/batches/' + id + '/status', { headers: { Accept: 'application/json' } }).then(function (res) { return res.json(); }).then(function (s) {
        var r = s.run;
        bar.max = r.total || 1;
        bar.value = r.running ? r.done : bar.max;
        if (r.running) {
          text(label, '正在生成：' + r.done + ' / ' + (r.total || '?') + ' 个单位');
          setTimeout(poll, 400);
        } else {
          text(label, (r.finished || '') + ' 完成：' + (r.msg || ''));
          location.reload();
        }
      }).catch(function () { setTimeout(poll, 2000); });
    }
    on(f, 'submit', function (ev) {
      ev.preventDefault();
      $('button', f).disabled = true;
      box.classList.remove('hidden');
      text(label, '正在准备……');
      fetch(f.action, { method: 'POST', body: new URLSearchParams(new FormData(f)), headers: { Accept: 'application/json' } })
        .then(function (res) { return res.json().then(function (j) { if (!res.ok) throw j; }); })
        .then(poll)
        .catch(function (e) { text(label, (e && e.error) || '没有开始：连不上服务器'); $('button', f).disabled = false; });
    });
    if (page.dataset.running === 'true') poll();
  }

  // The editor: every change is saved (debounced), checked by the server,
  // and its problems are put next to their fields and listed at the top.
  function editor(ed) {
    var id = ed.dataset.id, rev = +ed.dataset.rev;
    var timer = null, saving = false, again = false, dirty = false, stopped = false, dismiss = false;
    var status = $('#status'), summary = $('#summary');
    var errors = 0, shownRev = 0, pdfRev = 0, lastGood = 0;

    function setStatus(s, bad) { text(status, s); status.classList.toggle('err', !!bad); }

    // The form's content: single fields by path, tables row by row.
    function collect() {
      var values = {}, rows = {};
      $$('[data-path]').forEach(function (el) { if (el.value !== '') values[el.dataset.path] = el.value; });
      $$('[data-list]').forEach(function (list) {
        rows[list.dataset.list] = items(list).map(function (row) {
          var r = {};
          $$('[data-key]', row).forEach(function (el) { if (el.value !== '') r[el.dataset.key] = el.value; });
          return r;
        });
      });
      return { rev: rev, template: $('#template').value, values: values, rows: rows, dismissNotes: dismiss };
    }

    function items(list) { return $$('.items > [data-row]', list); }

    function changed() {
      dirty = true;
      if (stopped) return;
      setStatus('有修改，稍后自动保存……');
      clearTimeout(timer);
      timer = setTimeout(save, 500);
    }

    function save() {
      clearTimeout(timer);
      if (saving) { again = true; return; }
      saving = true; again = false; dirty = false;
      setStatus('正在保存……');
      fetch('/drafts/' + id, {
        method: 'PUT', body: JSON.stringify(collect()),
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Huibao-Token': token }
      }).then(function (res) {
        return res.json().then(function (data) {
          if (!res.ok) {
            dirty = true;
            setStatus('没有保存：' + data.error + '。' + (data.hint || ''), true);
            if (res.status === 409 || res.status === 403 || res.status === 404) stopped = true;
            return;
          }
          rev = data.rev;
          dismiss = false;
          setStatus('已保存 ' + data.saved);
          show(data);
        });
      }).catch(function () {
        dirty = true;
        setStatus('没有保存：连不上服务器。修改还在本页上，服务器恢复后会自动保存', true);
        setTimeout(function () { if (dirty && !saving) save(); }, 3000);
      }).then(function () {
        saving = false;
        if (again || (dirty && !stopped && status.className.indexOf('err') < 0)) save();
      });
    }

    window.addEventListener('beforeunload', function (ev) {
      if (dirty || saving) { ev.preventDefault(); ev.returnValue = ''; }
    });

    // Where a problem belongs: a field of the page by its path.
    function locate(target) {
      if (target === 'template') return $('#template-box');
      var m = /^(.+?)\[(\d+)\](?:\.(.+))?$/.exec(target);
      if (m) {
        var list = $('[data-list="' + m[1] + '"]');
        var row = list && items(list)[+m[2] - 1];
        if (row) return $('[data-cell="' + (m[3] || '') + '"]', row) || row;
        if (list) return $('.listfoot', list);
      }
      for (var p = target; p; p = p.indexOf('.') > 0 ? p.slice(0, p.lastIndexOf('.')) : '') {
        var el = $('[data-field="' + p + '"]') || $('[data-list="' + p + '"] .listfoot');
        if (el) return el;
      }
      var first = target.split(/[.\[]/)[0];
      var sect = { org: 'basic', period: 'basic', report: 'basic', version: 'basic' }[first] || first;
      return $('[data-section="' + sect + '"] > h2');
    }

    function show(data) {
      errors = data.errors;
      $$('.msg').forEach(function (m) { if (!m.closest('#summary')) m.textContent = ''; });
      $$('.has-err, .has-warn').forEach(function (el) { el.classList.remove('has-err', 'has-warn'); });
      $$('.toc .badge').forEach(function (b) { b.textContent = ''; });
      var counts = {};
      var list = make('ul', 'plist');
      data.problems.forEach(function (p) {
        var box = locate(p.target);
        if (box) {
          var msg = box.classList.contains('listfoot') ? $('.msg', box) : $(':scope > .msg', box) || $('.msg', box);
          if (!msg) { msg = make('div', 'msg'); box.appendChild(msg); }
          msg.appendChild(make('span', p.warning ? 'w' : 'e', (p.warning ? '' : '') + p.text));
          box.classList.add(p.warning ? 'has-warn' : 'has-err');
          var sect = box.closest('[data-section]');
          if (sect && !p.warning) counts[sect.dataset.section] = (counts[sect.dataset.section] || 0) + 1;
        }
        var li = make('li', p.warning ? 'w' : '');
        li.appendChild(make('b', '', p.where || ''));
        li.appendChild(document.createTextNode('　' + p.text));
        on(li, 'click', function () { reveal(box); });
        list.appendChild(li);
      });
      Object.keys(counts).forEach(function (s) { var b = $('.toc [data-for="' + s + '"] .badge'); if (b) b.textContent = counts[s]; });
      summary.textContent = '';
      if (data.problems.length) {
        var n = make('div', 'notice ' + (data.errors ? 'bad' : 'warn'));
        n.appendChild(make('b', '', data.errors ? '还有 ' + data.errors + ' 处需要修改' + (data.warnings ? '，' + data.warnings + ' 条提醒' : '') + '（点一条可跳到那一格）'
          : '检查通过，有 ' + data.warnings + ' 条提醒'));
        n.appendChild(list);
        summary.appendChild(n);
      } else {
        summary.appendChild(make('div', 'okay', '✓ 检查通过，可以预览和下载报告。'));
      }
      $$('a.report').forEach(function (a) { a.classList.toggle('off', errors > 0); });
      text($('#dl-note'), errors ? '表单还有 ' + errors + ' 处问题，改好后才能下载报告。' : '');
      refreshPreview();
    }

    function reveal(box) {
      if (!box) return;
      box.scrollIntoView({ block: 'center' });
      var ctl = $('input, select, textarea', box);
      if (ctl) ctl.focus({ preventScroll: true });
      box.classList.remove('flash'); void box.offsetWidth; box.classList.add('flash');
    }

    // The preview shows the last revision that could be made into a
    // report; while the form has problems, a note says so.
    var pvHTML = $('#pv-html'), pvPDF = $('#pv-pdf'), note = $('#pv-note');
    function refreshPreview() {
      if (!errors) lastGood = rev;
      text(note, errors && lastGood ? '表单有问题，预览是最后一次没有问题时的样子' : '');
      var want = lastGood || rev;
      if (want !== shownRev) { shownRev = want; pvHTML.src = '/drafts/' + id + '/preview?inline&rev=' + want; }
      if (activeTab() === 'pdf') loadPDF();
    }
    function loadPDF() {
      var want = lastGood || rev;
      if (want !== pdfRev) { pdfRev = want; pvPDF.src = '/drafts/' + id + '/preview.pdf?inline&rev=' + want + '#page=1&view=FitH&navpanes=0'; }
    }
    function activeTab() { return ($('.tab.on') || {}).dataset.tab; }
    $$('.tab').forEach(function (t) {
      on(t, 'click', function () {
        $$('.tab').forEach(function (x) { x.classList.toggle('on', x === t); });
        $$('.pane').forEach(function (p) { p.classList.toggle('on', p.dataset.pane === t.dataset.tab); });
        if (t.dataset.tab === 'pdf') loadPDF();
      });
    });
    $$('a.report').forEach(function (a) {
      on(a, 'click', function (ev) { if (errors) { ev.preventDefault(); reveal($('#summary')); } });
    });

    // Tables: add, remove and move rows.
    function number(list) { items(list).forEach(function (row, i) { var n = $('.num', row); if (n) n.textContent = i + 1; }); }
    $$('[data-list]').forEach(function (list) {
      number(list);
      on($('.add', list), 'click', function () {
        var row = document.importNode($('template', list).content, true).firstElementChild;
        $('.items', list).appendChild(row);
        wire(row);
        number(list);
        var first = $('input, select, textarea', row);
        if (first) first.focus();
        changed();
      });
      on($('.items', list), 'click', function (ev) {
        var b = ev.target.closest('button.icon');
        if (!b) return;
        var row = b.closest('[data-row]'), box = row.parentNode;
        if (b.classList.contains('del')) {
          var filled = $$('[data-key]', row).some(function (el) { return el.value !== ''; });
          if (filled && !window.confirm('删除这一行？')) return;
          box.removeChild(row);
        } else if (b.classList.contains('up') && row.previousElementSibling) {
          box.insertBefore(row, row.previousElementSibling);
        } else if (b.classList.contains('down') && row.nextElementSibling) {
          box.insertBefore(row.nextElementSibling, row);
        } else return;
        number(list);
        changed();
      });
    });

    // Every control saves on change; month-precision dates switch between
    // a month and a day picker.
    function wire(root) {
      $$('input, select, textarea', root).forEach(function (el) {
        if (el.classList.contains('prec')) {
          on(el, 'change', function () {
            var input = el.previousElementSibling, v = input.value;
            input.type = el.value;
            if (el.value === 'month' && v.length === 10) input.value = v.slice(0, 7);
            if (el.value === 'date' && v.length === 7) input.value = v + '-01';
            changed();
          });
          return;
        }
        on(el, 'input', changed);
        on(el, 'change', changed);
        if (el.tagName === 'TEXTAREA') { fit(el); on(el, 'input', function () { fit(el); }); }
        if (el.type === 'date' || el.type === 'month') {
          on(el, 'blur', function () {
            var box = el.closest('.cell, .field'), msg = box && $('.msg', box);
            if (msg && el.validity && el.validity.badInput) msg.textContent = '日期没有填完整，没有保存这一格';
          });
        }
      });
    }
    function fit(t) { t.style.height = 'auto'; t.style.height = (t.scrollHeight + 2) + 'px'; }
    wire(ed);

    var tpl = $('#template'), desc = $('#template-desc');
    function describe() {
      var o = tpl.options[tpl.selectedIndex];
      text(desc, o && o.dataset.desc ? '适用于' + o.dataset.spans + '。' + o.dataset.desc : '请选择要生成的报告。');
      desc.title = desc.textContent; // the bar shows two lines; the rest on hover
    }
    on(tpl, 'change', describe);
    describe();

    on($('#dismiss'), 'click', function () { dismiss = true; $('#notes').classList.add('hidden'); changed(); });
    on($('.unit', ed), 'submit', function (ev) { if (dirty || saving) { ev.preventDefault(); save(); setTimeout(function () { ev.target.submit(); }, 800); } });

    show(JSON.parse($('#initial').textContent));
  }
})();

package batch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/batch/rollup"
	"github.com/huibao/huibao/engine/diag"
)

// Merge prepares the 汇总表 and the roll-up of a batch that ran in shards
// (huibao batch --shard i/n), from the state files the shards left in dirs:
// a folder per shard, or folders holding several. Every shard of the batch
// must be there, once, complete, and run with the same template, formats and
// manifest; Run then writes into opts.OutDir the 汇总表 and the roll-up that
// one run over the whole folder writes, byte for byte. Units are not
// rendered again: their reports are where their shards wrote them.
//
// opts.Template and opts.Formats are taken from the shards; opts.OutDir
// and opts.Jobs apply.
func Merge(eng *engine.Engine, dirs []string, opts Options) (*Batch, error) {
	if opts.OutDir == "" {
		opts.OutDir = "output"
	}
	if opts.Jobs < 1 {
		opts.Jobs = runtime.NumCPU()
	}
	type shardState struct {
		dir  string
		path string
		st   *state
	}
	var shards []shardState
	recs := newRecords()
	for _, d := range dirs {
		fi, err := os.Stat(d)
		if err != nil || !fi.IsDir() {
			return nil, usageError(fmt.Sprintf("找不到文件夹 %s。请写各份（--shard）运行时的输出文件夹", d))
		}
		matches, _ := filepath.Glob(filepath.Join(d, statePrefix+".*-of-*.json"))
		if len(matches) == 0 {
			return nil, usageError(fmt.Sprintf("文件夹 %s 里没有分份运行留下的记录文件（%s.第几份-of-共几份.json）。"+
				"请写 huibao batch --shard i/n 的输出文件夹", d, statePrefix))
		}
		slices.Sort(matches)
		for _, m := range matches {
			st, err := readState(m, recs)
			if err != nil {
				return nil, inputError(stateError(m, err)+"，没有合并", nil)
			}
			shards = append(shards, shardState{dir: d, path: m, st: st})
		}
	}
	first := shards[0].st.header
	count := 0
	if s, err := ParseShard(first.Shard); err == nil {
		count = s.Count
	}
	seen := map[int]string{}
	for _, s := range shards {
		h := s.st.header
		sh, err := ParseShard(h.Shard)
		switch {
		case err != nil || sh.Count != count:
			return nil, inputError(fmt.Sprintf("%s 是分成 %s 份中的一份，而 %s 是分成 %d 份中的一份：不是同一次分份运行，没有合并",
				s.path, strings.TrimPrefix(h.Shard, "0/"), shards[0].path, count), nil)
		case seen[sh.Index] != "":
			return nil, inputError(fmt.Sprintf("第 %s 份出现了两次（%s 和 %s），没有合并。每一份只给一次", h.Shard, seen[sh.Index], s.path), nil)
		case !slices.Equal(h.Inputs, first.Inputs) || h.Folder != first.Folder || h.Given != first.Given:
			return nil, inputError(fmt.Sprintf("%s 与 %s 处理的输入文件不同（文件夹里的文件有增减），没有合并。请对同一个文件夹重新运行各份", s.path, shards[0].path), nil)
		case h.Template != first.Template || !slices.Equal(h.Formats, first.Formats) || !sameManifest(h.Manifest, first.Manifest):
			return nil, inputError(fmt.Sprintf("%s 与 %s 用的模板、输出格式或批量说明文件不同，没有合并。各份须用同样的参数运行", s.path, shards[0].path), nil)
		}
		seen[sh.Index] = s.path
	}
	var missing []string
	for i := 1; i <= count; i++ {
		if seen[i] == "" {
			missing = append(missing, fmt.Sprintf("%d/%d", i, count))
		}
	}
	if len(missing) > 0 {
		return nil, inputError(fmt.Sprintf("缺少第 %s 份的输出文件夹，没有合并。请把每一份的输出文件夹都写上", strings.Join(missing, "、")), nil)
	}

	opts.Template, opts.Formats = first.Template, first.Formats
	b := &Batch{Dir: first.Given, dir: first.Folder, eng: eng, opts: opts, merged: true, inputs: first.Inputs, manifest: first.Manifest,
		Shard: Shard{Count: count}, recs: recs}
	if m := first.Manifest; m != nil {
		man, probs := parseManifest(m.Path, m.Data)
		if probs.Err() != nil {
			return nil, inputError(fmt.Sprintf("批量说明文件 %s 有错误，没有合并", m.Path), probs)
		}
		b.Manifest, b.Notes = man, probs
	}
	for _, s := range shards {
		if s.st.header.Run != first.Run {
			b.Notes.Warn(diag.Pos{File: s.path}, "", fmt.Sprintf("与 %s 不是用同一个 huibao、同样的模板和字体生成的", shards[0].path),
				"汇总表和汇总报告照常生成；各单位报告的 PDF 可能因字体不同而略有差别")
		}
	}
	byShard := map[int]shardState{}
	for _, s := range shards {
		sh, _ := ParseShard(s.st.header.Shard)
		byShard[sh.Index] = s
	}
	var incomplete []string
	for _, file := range first.Inputs {
		s := byShard[shardOf(file, count)]
		var ids []string
		for _, id := range s.st.header.Units {
			if id == file || strings.HasPrefix(id, file+"#") {
				ids = append(ids, id)
			}
		}
		if len(ids) == 0 {
			incomplete = append(incomplete, fmt.Sprintf("第 %s 份（%s）没有 %s 的结果", s.st.header.Shard, s.dir, file))
			continue
		}
		for _, id := range ids {
			u := &Unit{Path: filepath.Join(first.Folder, file), Name: strings.TrimPrefix(id, file+"#"), InWorkbook: id != file,
				shard: s.st.header.Shard, done: true}
			e := s.st.entries[id]
			switch {
			case e == nil:
				incomplete = append(incomplete, fmt.Sprintf("第 %s 份（%s）没有 %s 的结果", s.st.header.Shard, s.dir, u.Label()))
				continue
			case e.Failed != "":
				if e.Name != "" {
					u.Name = e.Name
				}
				u.reason = e.Failed
				u.Err = fmt.Errorf("%s（见第 %s 份的输出）", e.Failed, s.st.header.Shard)
			default:
				rec, err := b.record(e.rec)
				if err != nil {
					return nil, inputError(stateError(s.path, fmt.Errorf("%s 的记录无法读取：%v", id, err))+"，没有合并", nil)
				}
				u.rec, u.brief, u.Name = e.rec, rec.brief(), rec.Name
				for _, o := range e.Outputs {
					u.Written = append(u.Written, filepath.Join(s.dir, o.Name))
				}
			}
			b.Units = append(b.Units, u)
		}
	}
	if len(incomplete) > 0 {
		more := ""
		if len(incomplete) > 5 {
			more = fmt.Sprintf("等 %d 处", len(incomplete))
			incomplete = incomplete[:5]
		}
		return nil, inputError("有的份没有运行完："+strings.Join(incomplete, "；")+more+
			"。请重新运行这些份（已完成的单位会跳过），再合并", nil)
	}
	if err := b.samePeriod(); err != nil {
		var e *engine.Error
		if errors.As(err, &e) {
			e.Msg = strings.Replace(e.Msg, "没有生成任何报告", "没有合并", 1)
		}
		return nil, err
	}
	b.distinctNames()
	b.parent, _ = rollup.ParentOrg(b.rollupParent(), b.parentUnits())
	return b, nil
}

func sameManifest(a, b *manifestCopy) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Path == b.Path && string(a.Data) == string(b.Data)
}

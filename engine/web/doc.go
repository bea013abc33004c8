// Package web is huibao serve: a web application, in Chinese, through
// which a cadre starts or opens a report, fills in the fields of the
// 填报表, sees every problem the CLI would report next to its field as
// they type, previews the report and downloads it; and through which a
// street cadre checks and runs a folder of units. It is a user of the
// connector like the CLI and engine/batch: every report goes through
// engine.Prepare and engine.Render.
//
// # The form
//
// The web form is the 填报表 in a browser: its sections, fields, labels,
// prompts and dropdowns are engine/form's sheets (form.Sections, built from
// the model's field table), and what is typed is read by form.ReadCells by
// the 填报表's rules, positioned at the page's fields, then prepared
// with the report in memory. So a problem reads as the CLI prints it for a
// 填报表, and lands next to the field it names.
//
// # Drafts
//
// Every change is saved (debounced by the page) as a draft: a JSON file
// named by a random id under Options.Dir/drafts, written atomically
// (temporary file, fsync, rename), holding the cells as typed. A save
// names the revision it is based on; one based on an older revision (the
// draft open in two tabs) is refused, not merged. Checks and rendered
// files are cached by draft revision, so a preview after a save does not
// prepare the data twice.
//
// # Routes
//
//	GET  /                                home: new report, open a file, drafts
//	POST /drafts                          new draft (unit, period, template)
//	POST /drafts/import                   open a YAML, JSON or 填报表 file as a draft
//	GET  /drafts/{id}                     the editor
//	PUT  /drafts/{id}                     save (JSON); answers with the check
//	GET  /drafts/{id}/check               the check of the saved draft (JSON)
//	GET  /drafts/{id}/preview             the report as HTML (format html)
//	GET  /drafts/{id}/preview.pdf         the PDF, shown inline
//	GET  /drafts/{id}/download/{kind}     a format of engine.Formats(), or yaml, or form (填报表)
//	POST /drafts/{id}/delete              delete the draft
//	POST /drafts/{id}/return              write a batch unit's draft back into its folder
//	GET  /batches, POST /batches          batch folders; upload one (folder picker)
//	GET  /batches/{id}                    each unit's status
//	POST /batches/{id}/run                run the batch; GET /batches/{id}/status follows it
//	GET  /batches/{id}/files/{name}       an output file; all.zip for all
//	POST /batches/{id}/open/{name}        open a unit as a draft
//
// # Security
//
// The server binds 127.0.0.1 unless told otherwise (cmd/huibao warns
// when it is not). Request bodies are bounded; uploads are read by the
// engine's loaders with their limits. Every request that changes state
// must pass http.CrossOriginProtection and carry the CSRF token of its
// cookie. Drafts and batch folders are named by random ids checked against
// a pattern, and files inside a batch folder by names found in it, never
// by a path from a request. Templates cannot be uploaded or edited. Pages
// carry a Content-Security-Policy allowing only the server's own script.
//
// # Logs
//
// One line per request: method, path, status, time and size; failures of
// the server name the draft or batch.
package web

package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/chidao/chidao/ent/task"
	"github.com/chidao/chidao/internal/importer"
	"github.com/chidao/chidao/internal/viewer"
)

func newImportCmd(a *app) *cobra.Command {
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "import FILE…",
		Short: "Register directives from their texts (nhập văn bản)",
		Long: `import reads each file as the text of one directive, resolves the
organisations it names, and writes the directive with its recipients,
references, tasks and assignments — one transaction per file, so a file that
fails stores nothing. Importing the same document again updates it.
Names that match no organisation are created where their names say; use the
admin app or the previewImport/importDirective GraphQL API to review and
correct them first. --dry-run prints the preview and stores nothing.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, files []string) error {
			ctx := viewer.NewContext(cmd.Context(), viewer.System())
			db, err := a.open(ctx, a.cfg.Logger(), true)
			if err != nil {
				return err
			}
			defer func() { _ = db.Close() }()
			out := cmd.OutOrStdout()
			failed := 0
			for _, f := range files {
				b, err := os.ReadFile(f)
				if err != nil {
					return fmt.Errorf("read %s: %w", f, err)
				}
				if dryRun {
					p, err := importer.PreviewText(ctx, db.Client, b)
					if err != nil {
						fmt.Fprintf(cmd.ErrOrStderr(), "%s: %v\n", f, err)
						failed++
						continue
					}
					printPreview(out, f, p)
					continue
				}
				res, err := importer.Import(ctx, db.Client, b, importer.Corrections{})
				if err != nil {
					fmt.Fprintf(cmd.ErrOrStderr(), "%s: nothing stored: %v\n", f, err)
					failed++
					continue
				}
				verb := "updated"
				if res.Created {
					verb = "created"
				}
				n, err := db.Client.Task.Query().Where(task.DirectiveID(res.Directive.ID)).Count(ctx)
				if err != nil {
					return err
				}
				fmt.Fprintf(out, "%s: %s %s (%d tasks", f, verb, res.Directive.Symbol, n)
				if k := len(res.CreatedOrganizations); k > 0 {
					fmt.Fprintf(out, ", %d new organisations", k)
				}
				if k := len(res.CreatedByReference); k > 0 {
					fmt.Fprintf(out, ", %d cited documents known by reference", k)
				}
				fmt.Fprintln(out, ")")
				for _, w := range res.Warnings {
					fmt.Fprintf(out, "  warning: %s\n", w.Message)
				}
			}
			if failed > 0 {
				return fmt.Errorf("%d of %d files were not imported", failed, len(files))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "print what would be stored, store nothing")
	return cmd
}

// printPreview prints the resolutions of a preview, one line each.
func printPreview(w interface{ Write([]byte) (int, error) }, file string, p *importer.Preview) {
	type line struct {
		Name, Match, Organization string
	}
	res := func(r importer.Resolution) line {
		l := line{Name: r.Name, Match: string(r.Match)}
		switch {
		case r.Organization != nil:
			l.Organization = r.Organization.Name
		case r.Proposal != nil:
			l.Organization = "NEW: " + r.Proposal.Name
		}
		return l
	}
	out := map[string]any{"file": file, "symbol": p.Draft.Header.Symbol.Text, "issuer": res(p.Issuer)}
	if p.Existing != nil {
		out["updates"] = p.Existing.Symbol
	}
	var rec []line
	for _, r := range p.Recipients {
		rec = append(rec, res(r))
	}
	out["recipients"] = rec
	var tasks []map[string]any
	for _, t := range p.Tasks {
		var as []map[string]any
		for _, a := range t.Assignments {
			as = append(as, map[string]any{"role": a.Role, "organization": res(a.Org)})
		}
		tasks = append(tasks, map[string]any{"ordinal": t.Task.Ordinal, "assignments": as})
	}
	out["tasks"] = tasks
	var ws []string
	for _, x := range p.Warnings {
		ws = append(ws, x.Message)
	}
	out["warnings"] = ws
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(out)
}

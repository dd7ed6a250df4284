package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/chidao/chidao/internal/docparse"
)

func newParseCmd() *cobra.Command {
	var full bool
	cmd := &cobra.Command{
		Use:   "parse FILE…",
		Short: "Print the structure read from directive texts, as JSON (đọc cấu trúc văn bản)",
		Long: `parse reads each file as the text of one directive and prints what chidao
reads from it: for one file a JSON object, for several one object per line.
It needs no database. --full prints the whole draft with the span of the
text every value came from and the parser's warnings.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, files []string) error {
			out := cmd.OutOrStdout()
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			if len(files) == 1 {
				enc.SetIndent("", "  ")
			}
			failed := 0
			for _, f := range files {
				b, err := os.ReadFile(f)
				if err != nil {
					return fmt.Errorf("read %s: %w", f, err)
				}
				d, err := docparse.Parse(b)
				if err != nil {
					fmt.Fprintf(cmd.ErrOrStderr(), "%s: %v\n", f, err)
					failed++
					continue
				}
				var v any = d.Corpus()
				if full {
					v = d
				}
				if err := enc.Encode(v); err != nil {
					return err
				}
			}
			if failed > 0 {
				return fmt.Errorf("%d of %d files could not be parsed", failed, len(files))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&full, "full", false, "print the whole draft with spans and warnings")
	return cmd
}

package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/chidao/chidao/internal/demo"
)

func newSeedCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "seed",
		Short: "Load the demo data into an empty database (nạp dữ liệu mẫu)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := a.open(cmd.Context(), a.cfg.Logger(), true)
			if err != nil {
				return err
			}
			defer func() { _ = db.Close() }()
			loaded, err := demo.LoadIfEmpty(cmd.Context(), db.Client)
			if err != nil {
				return err
			}
			if !loaded {
				return errors.New("the database already holds data; the demo loads only into an empty one")
			}
			fmt.Fprintf(cmd.OutOrStdout(), "demo data loaded into %s\n", db.Where)
			return nil
		},
	}
}

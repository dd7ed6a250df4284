package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newMigrateCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "migrate",
		Short: "Create or upgrade the database schema, keeping every row (tạo/nâng cấp lược đồ)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			log := a.cfg.Logger()
			db, err := a.open(cmd.Context(), log, false)
			if err != nil {
				return err
			}
			defer func() { _ = db.Close() }()
			res, err := db.Migrate(cmd.Context())
			if err != nil {
				return err
			}
			switch {
			case res.From == 0:
				fmt.Fprintf(cmd.OutOrStdout(), "created schema version %d in %s\n", res.To, db.Where)
			case res.From == res.To:
				fmt.Fprintf(cmd.OutOrStdout(), "schema version %d in %s is current\n", res.To, db.Where)
			default:
				fmt.Fprintf(cmd.OutOrStdout(), "upgraded %s from schema version %d to %d\n", db.Where, res.From, res.To)
			}
			return nil
		},
	}
}

package main

import (
	"net"

	"github.com/spf13/cobra"

	"github.com/chidao/chidao/internal/demo"
	"github.com/chidao/chidao/internal/server"
)

func newServeCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve GraphQL at /graphql and the admin app at / (phục vụ GraphQL và ứng dụng quản trị)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			log := a.cfg.Logger()
			log.Info("starting chidao", "version", version, "config", a.cfg)
			if _, _, err := adminFromEnv(); err != nil {
				return err
			}
			db, err := a.open(ctx, log, !a.cfg.NoMigrate)
			if err != nil {
				return err
			}
			defer func() { _ = db.Close() }()
			if a.cfg.NoMigrate {
				if err := db.CheckSchema(ctx); err != nil {
					return err
				}
			}
			if a.cfg.Demo {
				loaded, err := demo.LoadIfEmpty(ctx, db.Client)
				if err != nil {
					return err
				}
				if loaded {
					log.Info("demo data loaded")
				} else {
					log.Info("database is not empty; demo data not loaded")
				}
			}
			if err := a.bootstrap(ctx, db, log, cmd.ErrOrStderr()); err != nil {
				return err
			}
			srv := server.New(a.cfg.Server, db, log)
			return srv.Run(ctx, func(addr net.Addr) {
				log.Info("listening", "url", "http://"+addr.String()+"/", "graphql", "http://"+addr.String()+"/graphql")
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&a.cfg.Server.Addr, "addr", a.cfg.Server.Addr, "address to listen on (CHIDAO_ADDR)")
	f.BoolVar(&a.cfg.Demo, "demo", a.cfg.Demo, "load the demo data into an empty database (CHIDAO_DEMO)")
	f.BoolVar(&a.cfg.NoMigrate, "no-migrate", a.cfg.NoMigrate, "do not create or upgrade the schema; refuse to start if it is not current")
	f.BoolVar(&a.cfg.Server.GraphQL.Introspection, "introspection", a.cfg.Server.GraphQL.Introspection, "answer GraphQL introspection (CHIDAO_INTROSPECTION)")
	f.IntVar(&a.cfg.Server.GraphQL.MaxPageSize, "max-page-size", a.cfg.Server.GraphQL.MaxPageSize, "most rows one page may ask for (CHIDAO_MAX_PAGE_SIZE)")
	f.IntVar(&a.cfg.Server.GraphQL.ComplexityLimit, "complexity-limit", a.cfg.Server.GraphQL.ComplexityLimit, "most complexity one operation may have; lists count times their page size (CHIDAO_COMPLEXITY_LIMIT)")
	return cmd
}

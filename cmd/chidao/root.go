package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/spf13/cobra"

	"github.com/chidao/chidao/internal/config"
	"github.com/chidao/chidao/internal/store"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// app carries the configuration every subcommand shares.
type app struct {
	cfg    config.Config
	envErr error
}

func newRootCmd() *cobra.Command {
	a := &app{}
	a.cfg, a.envErr = config.FromEnv(config.Env)
	root := &cobra.Command{
		Use:           "chidao",
		Short:         "chidao tracks directives through the organisational hierarchy (theo dõi văn bản chỉ đạo)",
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			if a.envErr != nil {
				return fmt.Errorf("environment: %w", a.envErr)
			}
			return a.cfg.Validate()
		},
	}
	f := root.PersistentFlags()
	f.StringVar(&a.cfg.DataDir, "data", a.cfg.DataDir, "folder of the embedded database and anything else chidao keeps (CHIDAO_DATA)")
	f.StringVar(&a.cfg.DatabaseURL, "db", a.cfg.DatabaseURL, "SQLite file or postgres:// URL instead of the data folder's database (CHIDAO_DATABASE_URL)")
	f.StringVar(&a.cfg.LogLevel, "log-level", a.cfg.LogLevel, "debug, info, warn or error (CHIDAO_LOG_LEVEL)")
	f.StringVar(&a.cfg.LogFormat, "log-format", a.cfg.LogFormat, "text or json (CHIDAO_LOG_FORMAT)")
	root.AddCommand(newServeCmd(a), newMigrateCmd(a), newSeedCmd(a), newUserCmd(a), newTokenCmd(a),
		newParseCmd(), newImportCmd(a))
	return root
}

// open opens the configured database and, unless told not to, migrates it.
func (a *app) open(ctx context.Context, log *slog.Logger, migrate bool) (*store.DB, error) {
	db, err := store.Open(ctx, a.cfg.Database(), store.Options{})
	if err != nil {
		return nil, err
	}
	if !migrate {
		return db, nil
	}
	res, err := db.Migrate(ctx)
	if err != nil {
		_ = db.Close()
		return nil, err
	}
	if res.From != res.To {
		log.Info("database schema migrated", "db", db.Where, "from", res.From, "to", res.To)
	}
	return db, nil
}

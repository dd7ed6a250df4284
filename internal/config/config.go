// Package config is chidao's one typed configuration: defaults that run
// with zero setup (SQLite in ./chidao_data, loopback address), overridden
// by CHIDAO_* environment variables, overridden by flags; validated once
// at start and printed with secrets hidden.
package config

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/chidao/chidao/internal/server"
	"github.com/chidao/chidao/internal/store"
)

// Config is everything a chidao command may need.
type Config struct {
	DataDir     string // folder of the embedded database and anything else chidao keeps
	DatabaseURL string // a SQLite path or a postgres:// URL; empty means DataDir/chidao.db
	LogLevel    string // debug, info, warn, error
	LogFormat   string // text or json
	Demo        bool   // load demo data into an empty database
	NoMigrate   bool   // serve without creating or upgrading the schema
	Server      server.Config
}

// Default returns the zero-setup configuration.
func Default() Config {
	return Config{
		DataDir:   "./chidao_data",
		LogLevel:  "info",
		LogFormat: "text",
		Server:    server.DefaultConfig(),
	}
}

// FromEnv returns Default overridden by the environment (lookup is os.LookupEnv
// in production, a map in tests).
func FromEnv(lookup func(string) (string, bool)) (Config, error) {
	c := Default()
	var errs []error
	str := func(key string, dst *string) {
		if v, ok := lookup(key); ok && v != "" {
			*dst = v
		}
	}
	boolean := func(key string, dst *bool) {
		if v, ok := lookup(key); ok && v != "" {
			b, err := strconv.ParseBool(v)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s=%q: want true or false", key, v))
				return
			}
			*dst = b
		}
	}
	integer := func(key string, dst *int) {
		if v, ok := lookup(key); ok && v != "" {
			n, err := strconv.Atoi(v)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s=%q: want a whole number", key, v))
				return
			}
			*dst = n
		}
	}
	duration := func(key string, dst *time.Duration) {
		if v, ok := lookup(key); ok && v != "" {
			d, err := time.ParseDuration(v)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s=%q: want a duration such as 30s", key, v))
				return
			}
			*dst = d
		}
	}
	str("CHIDAO_DATA", &c.DataDir)
	str("CHIDAO_DATABASE_URL", &c.DatabaseURL)
	str("CHIDAO_LOG_LEVEL", &c.LogLevel)
	str("CHIDAO_LOG_FORMAT", &c.LogFormat)
	str("CHIDAO_ADDR", &c.Server.Addr)
	boolean("CHIDAO_DEMO", &c.Demo)
	boolean("CHIDAO_INTROSPECTION", &c.Server.GraphQL.Introspection)
	integer("CHIDAO_MAX_PAGE_SIZE", &c.Server.GraphQL.MaxPageSize)
	integer("CHIDAO_DEFAULT_PAGE_SIZE", &c.Server.GraphQL.DefaultPageSize)
	integer("CHIDAO_COMPLEXITY_LIMIT", &c.Server.GraphQL.ComplexityLimit)
	duration("CHIDAO_REQUEST_TIMEOUT", &c.Server.RequestTimeout)
	return c, errors.Join(errs...)
}

// Env is os.LookupEnv, for FromEnv.
func Env(key string) (string, bool) { return os.LookupEnv(key) }

// Database returns the database to open: DatabaseURL, or the SQLite file
// in DataDir.
func (c Config) Database() string {
	if c.DatabaseURL != "" {
		return c.DatabaseURL
	}
	return store.SQLitePath(c.DataDir)
}

// Validate checks the configuration once, at start.
func (c Config) Validate() error {
	var errs []error
	if c.DataDir == "" && c.DatabaseURL == "" {
		errs = append(errs, errors.New("give a data folder (--data) or a database (--db)"))
	}
	if _, err := c.Level(); err != nil {
		errs = append(errs, err)
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		errs = append(errs, fmt.Errorf("log format %q: want text or json", c.LogFormat))
	}
	g := c.Server.GraphQL
	if g.MaxPageSize < 1 {
		errs = append(errs, fmt.Errorf("max page size %d: want at least 1", g.MaxPageSize))
	}
	if g.DefaultPageSize < 1 || g.DefaultPageSize > g.MaxPageSize {
		errs = append(errs, fmt.Errorf("default page size %d: want 1 to the max page size %d", g.DefaultPageSize, g.MaxPageSize))
	}
	if g.ComplexityLimit < 1 {
		errs = append(errs, fmt.Errorf("complexity limit %d: want at least 1", g.ComplexityLimit))
	}
	if c.Server.RequestTimeout <= 0 {
		errs = append(errs, fmt.Errorf("request timeout %s: want more than 0", c.Server.RequestTimeout))
	}
	if c.Server.Addr == "" {
		errs = append(errs, errors.New("listen address is empty"))
	} else if _, port, err := net.SplitHostPort(c.Server.Addr); err != nil {
		errs = append(errs, fmt.Errorf("listen address %q: want host:port, e.g. 127.0.0.1:8080", c.Server.Addr))
	} else if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		errs = append(errs, fmt.Errorf("listen address %q: the port must be a number from 0 to 65535", c.Server.Addr))
	}
	return errors.Join(errs...)
}

// Level is the parsed log level.
func (c Config) Level() (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(c.LogLevel)); err != nil {
		return 0, fmt.Errorf("log level %q: want debug, info, warn or error", c.LogLevel)
	}
	return l, nil
}

// Logger builds the one logger passed down to every part.
func (c Config) Logger() *slog.Logger {
	level, _ := c.Level()
	opts := &slog.HandlerOptions{Level: level}
	if strings.EqualFold(c.LogFormat, "json") {
		return slog.New(slog.NewJSONHandler(os.Stderr, opts))
	}
	return slog.New(slog.NewTextHandler(os.Stderr, opts))
}

// LogValue prints the configuration with the database password hidden.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("addr", c.Server.Addr),
		slog.String("data", c.DataDir),
		slog.String("db", store.Redact(c.Database())),
		slog.Bool("demo", c.Demo),
		slog.Bool("introspection", c.Server.GraphQL.Introspection),
		slog.Int("max_page_size", c.Server.GraphQL.MaxPageSize),
		slog.Int("complexity_limit", c.Server.GraphQL.ComplexityLimit),
	)
}

package config

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/chidao/chidao/internal/store"
)

// env is a lookup over a map, standing in for os.LookupEnv.
func env(m map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) {
		v, ok := m[k]
		return v, ok
	}
}

func TestDefaultIsValid(t *testing.T) {
	c, err := FromEnv(env(nil))
	if err != nil {
		t.Fatalf("FromEnv with no environment: %v", err)
	}
	if err := c.Validate(); err != nil {
		t.Fatalf("the zero-setup configuration does not validate: %v", err)
	}
	if c.Database() != store.SQLitePath("./chidao_data") {
		t.Errorf("default database %q, want SQLite in ./chidao_data", c.Database())
	}
	if !strings.HasPrefix(c.Server.Addr, "127.0.0.1:") {
		t.Errorf("default address %q, want loopback", c.Server.Addr)
	}
}

func TestFromEnvValues(t *testing.T) {
	c, err := FromEnv(env(map[string]string{
		"CHIDAO_DATA":              "/srv/chidao",
		"CHIDAO_DATABASE_URL":      "postgres://chidao@db:5432/chidao?sslmode=disable",
		"CHIDAO_LOG_LEVEL":         "debug",
		"CHIDAO_LOG_FORMAT":        "json",
		"CHIDAO_ADDR":              "0.0.0.0:9090",
		"CHIDAO_DEMO":              "true",
		"CHIDAO_INTROSPECTION":     "0",
		"CHIDAO_MAX_PAGE_SIZE":     "500",
		"CHIDAO_DEFAULT_PAGE_SIZE": "50",
		"CHIDAO_COMPLEXITY_LIMIT":  "20000",
		"CHIDAO_REQUEST_TIMEOUT":   "45s",
		"CHIDAO_UNRELATED":         "ignored",
	}))
	if err != nil {
		t.Fatalf("FromEnv: %v", err)
	}
	g := c.Server.GraphQL
	for _, tc := range []struct {
		name      string
		got, want any
	}{
		{"DataDir", c.DataDir, "/srv/chidao"},
		{"DatabaseURL", c.DatabaseURL, "postgres://chidao@db:5432/chidao?sslmode=disable"},
		{"Database()", c.Database(), "postgres://chidao@db:5432/chidao?sslmode=disable"},
		{"LogLevel", c.LogLevel, "debug"},
		{"LogFormat", c.LogFormat, "json"},
		{"Addr", c.Server.Addr, "0.0.0.0:9090"},
		{"Demo", c.Demo, true},
		{"Introspection", g.Introspection, false},
		{"MaxPageSize", g.MaxPageSize, 500},
		{"DefaultPageSize", g.DefaultPageSize, 50},
		{"ComplexityLimit", g.ComplexityLimit, 20000},
		{"RequestTimeout", c.Server.RequestTimeout, 45 * time.Second},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %v, want %v", tc.name, tc.got, tc.want)
		}
	}
	if err := c.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	if l, err := c.Level(); err != nil || l != slog.LevelDebug {
		t.Errorf("Level = %v, %v; want debug", l, err)
	}
}

func TestFromEnvEmptyKeepsDefault(t *testing.T) {
	c, err := FromEnv(env(map[string]string{"CHIDAO_ADDR": "", "CHIDAO_MAX_PAGE_SIZE": "", "CHIDAO_DEMO": ""}))
	if err != nil {
		t.Fatalf("FromEnv: %v", err)
	}
	d := Default()
	if c.Server.Addr != d.Server.Addr || c.Server.GraphQL.MaxPageSize != d.Server.GraphQL.MaxPageSize || c.Demo != d.Demo {
		t.Errorf("empty variables changed the defaults: %+v", c)
	}
}

func TestFromEnvInvalid(t *testing.T) {
	for _, tc := range []struct {
		key, value string
		want       string // in the error, with the variable's name
	}{
		{"CHIDAO_DEMO", "maybe", "want true or false"},
		{"CHIDAO_INTROSPECTION", "on", "want true or false"},
		{"CHIDAO_MAX_PAGE_SIZE", "abc", "want a whole number"},
		{"CHIDAO_DEFAULT_PAGE_SIZE", "1.5", "want a whole number"},
		{"CHIDAO_COMPLEXITY_LIMIT", "10k", "want a whole number"},
		{"CHIDAO_REQUEST_TIMEOUT", "30", "want a duration"},
	} {
		_, err := FromEnv(env(map[string]string{tc.key: tc.value}))
		if err == nil {
			t.Errorf("%s=%s: no error", tc.key, tc.value)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, tc.key) || !strings.Contains(msg, tc.value) || !strings.Contains(msg, tc.want) {
			t.Errorf("%s=%s: error %q should name the variable, its value and %q", tc.key, tc.value, msg, tc.want)
		}
	}

	// Every bad variable is reported at once, not only the first.
	_, err := FromEnv(env(map[string]string{"CHIDAO_DEMO": "x", "CHIDAO_MAX_PAGE_SIZE": "y", "CHIDAO_REQUEST_TIMEOUT": "z"}))
	if err == nil {
		t.Fatal("three bad variables: no error")
	}
	for _, k := range []string{"CHIDAO_DEMO", "CHIDAO_MAX_PAGE_SIZE", "CHIDAO_REQUEST_TIMEOUT"} {
		if !strings.Contains(err.Error(), k) {
			t.Errorf("error %q does not name %s", err, k)
		}
	}
}

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*Config)
		want   string
	}{
		{"default page size above the max", func(c *Config) {
			c.Server.GraphQL.MaxPageSize = 100
			c.Server.GraphQL.DefaultPageSize = 200
		}, "default page size 200"},
		{"default page size zero", func(c *Config) { c.Server.GraphQL.DefaultPageSize = 0 }, "default page size 0"},
		{"max page size zero", func(c *Config) { c.Server.GraphQL.MaxPageSize = 0 }, "max page size 0"},
		{"bad log level", func(c *Config) { c.LogLevel = "loud" }, `log level "loud"`},
		{"bad log format", func(c *Config) { c.LogFormat = "xml" }, `log format "xml"`},
		{"no complexity budget", func(c *Config) { c.Server.GraphQL.ComplexityLimit = 0 }, "complexity limit 0"},
		{"no request time", func(c *Config) { c.Server.RequestTimeout = 0 }, "request timeout 0s"},
		{"empty address", func(c *Config) { c.Server.Addr = "" }, "listen address is empty"},
		{"no database at all", func(c *Config) { c.DataDir, c.DatabaseURL = "", "" }, "--data"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := Default()
			tc.change(&c)
			err := c.Validate()
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want it to say %q", err, tc.want)
			}
		})
	}

	// Several problems are reported together.
	c := Default()
	c.LogLevel = "loud"
	c.Server.GraphQL.DefaultPageSize = 5000
	err := c.Validate()
	if err == nil || !strings.Contains(err.Error(), "log level") || !strings.Contains(err.Error(), "default page size") {
		t.Errorf("two problems: error %v, want both named", err)
	}
}

func TestLogValueHidesPassword(t *testing.T) {
	const password = "Kx9-tuyet-mat"
	c := Default()
	c.DatabaseURL = "postgres://chidao:" + password + "@db.internal:5432/chidao?sslmode=require"

	for _, h := range []func(*bytes.Buffer) slog.Handler{
		func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) },
		func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) },
	} {
		var buf bytes.Buffer
		slog.New(h(&buf)).Info("starting chidao", "config", c)
		out := buf.String()
		if strings.Contains(out, password) {
			t.Errorf("the log shows the database password: %s", out)
		}
		if !strings.Contains(out, "db.internal:5432") || !strings.Contains(out, "xxxxx") {
			t.Errorf("the log should name the database with the password hidden: %s", out)
		}
		if !strings.Contains(out, c.Server.Addr) {
			t.Errorf("the log should show the address: %s", out)
		}
	}

	// Without a URL the SQLite file is shown as it is.
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("x", "config", Default())
	if !strings.Contains(buf.String(), "chidao.db") {
		t.Errorf("the log should name the SQLite file: %s", buf.String())
	}
}

// Package store opens chidao's database — embedded SQLite by default, or
// PostgreSQL through a postgres:// URL — and keeps its schema current.
// Every entry point (server, CLI, tests) opens storage here, so the same
// driver settings, migration and version checks apply everywhere.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	_ "github.com/lib/pq" // PostgreSQL driver, registered as "postgres"

	"github.com/chidao/chidao/ent"
	_ "github.com/chidao/chidao/ent/runtime" // schema hooks and defaults
)

// DB is an open database with its ent client.
type DB struct {
	Client  *ent.Client
	SQL     *sql.DB
	Dialect string // dialect.SQLite or dialect.Postgres
	// Where names the database for logs and errors, with any password hidden.
	Where string

	dsn  string
	opts Options
}

// Options tune Open.
type Options struct {
	// Counter, when set, is incremented for every SQL statement sent, so
	// tests can prove a query's statement count does not grow with its
	// page sizes.
	Counter *atomic.Int64
	// ConnectTimeout bounds the first ping (default 10 s).
	ConnectTimeout time.Duration
	// StatementTimeout makes PostgreSQL cancel any statement running longer
	// (default 30 s), so a costly query cannot hold a connection after its
	// request has given up. A statement_timeout in the URL wins.
	StatementTimeout time.Duration
}

// SQLitePath is the database file inside a data folder.
func SQLitePath(dataDir string) string { return filepath.Join(dataDir, "chidao.db") }

// IsPostgres tells whether a database setting names PostgreSQL.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open connects to dsn: a postgres:// URL, or else a SQLite file path (or a
// ready "file:" DSN). It fails with a clear message, the password hidden,
// when the database cannot be reached.
func Open(ctx context.Context, dsn string, opts Options) (*DB, error) {
	if opts.ConnectTimeout == 0 {
		opts.ConnectTimeout = 10 * time.Second
	}
	var (
		db    *sql.DB
		dia   string
		where string
		err   error
	)
	switch {
	case dsn == "":
		return nil, errors.New("no database given")
	case IsPostgres(dsn):
		where = Redact(dsn)
		dia = dialect.Postgres
		db, err = sql.Open("postgres", pgURL(dsn, opts.StatementTimeout, opts.ConnectTimeout))
		if err == nil {
			db.SetMaxOpenConns(32)
			db.SetMaxIdleConns(16)
			db.SetConnMaxIdleTime(5 * time.Minute)
		}
	default:
		dia = dialect.SQLite
		var file string
		file, err = sqliteDSN(dsn)
		if err != nil {
			return nil, err
		}
		where = "sqlite:" + dsn
		db, err = openSQLite(file) // modernc, wrapped: see sqlite.go
	}
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", where, err)
	}
	pctx, cancel := context.WithTimeout(ctx, opts.ConnectTimeout)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("cannot reach database %s: %s", where, scrub(err.Error(), dsn))
	}
	var drv dialect.Driver = entsql.OpenDB(dia, db)
	if opts.Counter != nil {
		drv = &countingDriver{Driver: drv, n: opts.Counter}
	}
	return &DB{Client: ent.NewClient(ent.Driver(drv)), SQL: db, Dialect: dia, Where: where, dsn: dsn, opts: opts}, nil
}

// pgURL adds to a PostgreSQL URL the settings chidao relies on, unless the
// URL sets them: statement_timeout (negative: none), which lib/pq sends to
// the server as a run-time setting, and connect_timeout, since lib/pq's
// handshake does not heed the context.
func pgURL(dsn string, statement, connect time.Duration) string {
	if statement == 0 {
		statement = 30 * time.Second
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return dsn
	}
	q := u.Query()
	if q.Get("statement_timeout") == "" {
		ms := statement.Milliseconds()
		if statement < 0 {
			ms = 0
		}
		q.Set("statement_timeout", strconv.FormatInt(ms, 10))
	}
	if q.Get("connect_timeout") == "" && connect > 0 {
		q.Set("connect_timeout", strconv.Itoa(int((connect+time.Second-1)/time.Second)))
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// Close closes the client and its connections.
func (db *DB) Close() error { return db.Client.Close() }

// sqliteDSN builds the modernc DSN with the settings chidao relies on:
// foreign keys (ent's migration and ON DELETE rules need them), a busy
// timeout and WAL so concurrent writers wait instead of failing, and UTC
// times in SQLite's own format so dates compare correctly as strings.
func sqliteDSN(dsn string) (string, error) {
	const params = "_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_time_format=sqlite&_timezone=UTC"
	if strings.HasPrefix(dsn, "file:") {
		sep := "?"
		if strings.Contains(dsn, "?") {
			sep = "&"
		}
		return dsn + sep + params, nil
	}
	if strings.Contains(dsn, "://") {
		return "", fmt.Errorf("unsupported database URL %q: give a postgres:// URL or a SQLite file path", Redact(dsn))
	}
	if dir := filepath.Dir(dsn); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return "", fmt.Errorf("create data folder %s: %w", dir, err)
		}
	}
	return "file:" + dsn + "?" + params, nil
}

// Redact hides the password of a database URL. A URL that does not parse
// has everything between "://" and the last "@" hidden.
func Redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		if i, j := strings.Index(dsn, "://"), strings.LastIndex(dsn, "@"); i >= 0 && j > i+3 {
			return dsn[:i+3] + "xxxxx" + dsn[j:]
		}
		return dsn
	}
	if u.User == nil {
		return dsn
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// scrub removes the raw DSN (and its password) from a driver message.
func scrub(msg, dsn string) string {
	if i, j := strings.Index(dsn, "://"), strings.LastIndex(dsn, "@"); i >= 0 && j > i+3 {
		if user, pw, ok := strings.Cut(dsn[i+3:j], ":"); ok && pw != "" {
			_ = user
			msg = strings.ReplaceAll(msg, pw, "xxxxx")
		}
	}
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		if pw, ok := u.User.Password(); ok && pw != "" {
			msg = strings.ReplaceAll(msg, pw, "xxxxx")
		}
	}
	return msg
}

package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/chidao/chidao/internal/store"
	"github.com/chidao/chidao/internal/testdb"
)

// Every PostgreSQL connection carries a statement timeout, so a runaway
// query is cancelled by the database itself.
func TestPostgresStatementTimeout(t *testing.T) {
	dsn := testdb.PostgresDSN(t)
	db, err := store.Open(context.Background(), dsn, store.Options{StatementTimeout: 1500 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = db.Close() }()
	var s string
	if err := db.SQL.QueryRow("SHOW statement_timeout").Scan(&s); err != nil {
		t.Fatal(err)
	}
	if s != "1500ms" {
		t.Fatalf("statement_timeout = %s, want 1500ms", s)
	}
	if _, err := db.SQL.Exec("SELECT pg_sleep(3)"); err == nil {
		t.Fatal("a 3 s statement should be cancelled by a 1.5 s timeout")
	}
}

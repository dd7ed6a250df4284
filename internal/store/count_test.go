package store_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chidao/chidao/ent/auditrecord"
	"github.com/chidao/chidao/ent/privacy"
	"github.com/chidao/chidao/internal/testdb"
	"github.com/chidao/chidao/internal/viewer"
)

// The statement counter is what N+1 tests rely on: it must see every
// statement ent sends, in a transaction or not, and nothing else.
func TestCounterCountsStatements(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dsn string) {
		var n atomic.Int64
		db := testdb.Open(t, dsn, testdb.Options{Counter: &n})
		if n.Load() == 0 {
			t.Error("the migration's statements were not counted")
		}
		ctx := viewer.NewContext(context.Background(), viewer.System())
		step := func(name string, want int64, fn func() error) {
			t.Helper()
			n.Store(0)
			if err := fn(); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if got := n.Load(); got != want {
				t.Errorf("%s: counted %d statements, want %d", name, got, want)
			}
		}
		c := db.Client

		step("query outside a transaction", 1, func() error {
			_, err := c.Organization.Query().Count(ctx)
			return err
		})
		step("two queries outside a transaction", 2, func() error {
			if _, err := c.Directive.Query().All(ctx); err != nil {
				return err
			}
			_, err := c.Task.Query().Exist(ctx)
			return err
		})

		tx, err := c.Tx(ctx)
		if err != nil {
			t.Fatal(err)
		}
		// An audit record has no hooks, so its insert is one statement;
		// the privacy decision lets it through as the audit hook does.
		allow := privacy.DecisionContext(ctx, privacy.Allow)
		step("insert in a transaction", 1, func() error {
			return tx.AuditRecord.Create().
				SetAt(time.Now()).SetActor("count_test").
				SetAction(auditrecord.ActionCREATE).
				SetEntityType("Organization").SetEntityID(1).
				Exec(allow)
		})
		step("query in a transaction", 1, func() error {
			got, err := tx.AuditRecord.Query().Where(auditrecord.Actor("count_test")).Count(allow)
			if err == nil && got != 1 {
				t.Errorf("the transaction sees %d records it wrote, want 1", got)
			}
			return err
		})
		step("commit", 0, tx.Commit)

		step("query after the commit", 1, func() error {
			got, err := c.AuditRecord.Query().Where(auditrecord.Actor("count_test")).Count(allow)
			if err == nil && got != 1 {
				t.Errorf("%d committed records, want 1", got)
			}
			return err
		})

		// Statements sent on the *sql.DB directly bypass ent and are not
		// counted (the store's own bookkeeping).
		step("direct SQL", 0, func() error {
			_, err := db.SQL.ExecContext(ctx, "SELECT 1")
			return err
		})
	})
}

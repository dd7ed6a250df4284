package store_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"reflect"
	"testing"

	"entgo.io/contrib/entgql"

	"github.com/chidao/chidao/ent"
	"github.com/chidao/chidao/ent/directive"
	"github.com/chidao/chidao/internal/demo"
	"github.com/chidao/chidao/internal/testdb"
	"github.com/chidao/chidao/internal/viewer"
)

// Ordering by a count of related rows, or by a field of a related row,
// selects a column that is NULL for rows without one. modernc reports no
// scan type for a NULL value and ent used to panic on it; both databases
// must order such queries, and page through them, alike.
func TestOrderByEdgeColumn(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dsn string) {
		db := testdb.Open(t, dsn, testdb.Options{})
		ctx := viewer.NewContext(context.Background(), viewer.System())
		if err := demo.Load(ctx, db.Client); err != nil {
			t.Fatal(err)
		}
		// A directive without task, issuer or anything else.
		lone, err := db.Client.Directive.Create().SetSymbol("1-TB/X").SetNumber(1).SetTypeCode("TB").
			SetDocType(directive.DocTypeTHONG_BAO).SetSystem(directive.SystemPARTY).Save(ctx)
		if err != nil {
			t.Fatal(err)
		}

		for _, f := range []*ent.DirectiveOrderField{
			ent.DirectiveOrderFieldTasksCount, ent.DirectiveOrderFieldReferencesCount,
			ent.DirectiveOrderFieldCitedByCount, ent.DirectiveOrderFieldRecipientsCount,
			ent.DirectiveOrderFieldReportsCount, ent.DirectiveOrderFieldIssuerName,
		} {
			for _, dir := range []entgql.OrderDirection{entgql.OrderDirectionAsc, entgql.OrderDirectionDesc} {
				order := ent.WithDirectiveOrder([]*ent.DirectiveOrder{{Direction: dir, Field: f}})
				n := 100
				all, err := db.Client.Directive.Query().Paginate(ctx, nil, &n, nil, nil, order)
				if err != nil {
					t.Fatalf("%s %s: %v", f, dir, err)
				}
				var found bool
				for _, e := range all.Edges {
					found = found || e.Node.ID == lone.ID
				}
				if !found || len(all.Edges) < 2 {
					t.Fatalf("%s %s: %d directives, the one without related rows found: %v", f, dir, len(all.Edges), found)
				}
			}
		}
		// The most tasks first: 1416-CV/QU has five.
		n := 1
		top, err := db.Client.Directive.Query().Paginate(ctx, nil, &n, nil, nil, ent.WithDirectiveOrder([]*ent.DirectiveOrder{{
			Direction: entgql.OrderDirectionDesc, Field: ent.DirectiveOrderFieldTasksCount,
		}}))
		if err != nil {
			t.Fatal(err)
		}
		if len(top.Edges) != 1 || top.Edges[0].Node.Symbol != "1416-CV/QU" {
			t.Fatalf("most tasks: %+v", top.Edges)
		}
	})
}

// Every way of reading a NULL through database/sql reports a scan type.
func TestSQLiteNullScanType(t *testing.T) {
	db := testdb.Open(t, testdb.SQLiteDSN(t), testdb.Options{NoMigrate: true})
	ctx := context.Background()
	check := func(how string, query func() (*sql.Rows, error)) {
		rows, err := query()
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", how, err)
		}
		defer func() { _ = rows.Close() }()
		if !rows.Next() {
			t.Fatalf("%s: no row", how)
		}
		ct, err := rows.ColumnTypes()
		if err != nil {
			t.Fatalf("%s: %v", how, err)
		}
		if st := ct[0].ScanType(); st == nil || st.Kind() != reflect.Interface {
			t.Errorf("%s: NULL scan type %v, want interface", how, st)
		}
		if st := ct[1].ScanType(); st != reflect.TypeOf(int64(0)) {
			t.Errorf("%s: integer scan type %v", how, st)
		}
		var v any
		var i int64
		if err := rows.Scan(&v, &i); err != nil || v != nil || i != 7 {
			t.Errorf("%s: scanned %v %d %v", how, v, i, err)
		}
		if err := rows.Err(); err != nil {
			t.Error(err)
		}
	}
	const q = "SELECT NULL, 7"
	check("query", func() (*sql.Rows, error) { return db.SQL.QueryContext(ctx, q) })

	stmt, err := db.SQL.PrepareContext(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = stmt.Close() }()
	check("prepared statement", func() (*sql.Rows, error) { return stmt.QueryContext(ctx) })

	tx, err := db.SQL.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	check("transaction", func() (*sql.Rows, error) { return tx.QueryContext(ctx, q) })
	if _, err := tx.ExecContext(ctx, "CREATE TABLE t (x INTEGER)"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL.ExecContext(ctx, "INSERT INTO t VALUES (?)", 1); err != nil {
		t.Fatal(err)
	}
}

// The wrapper adds no driver interface modernc lacks and loses none that
// database/sql would use: it changes code paths otherwise. This fails when a
// modernc upgrade adds one, so that the wrapper can forward it.
func TestSQLiteWrapperInterfaces(t *testing.T) {
	db := testdb.Open(t, testdb.SQLiteDSN(t), testdb.Options{NoMigrate: true})
	ctx := context.Background()
	c, err := db.SQL.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = c.Close() }()
	err = c.Raw(func(dc any) error {
		u, ok := dc.(interface{ Unwrap() driver.Conn })
		if !ok {
			t.Fatalf("connection %T is not the wrapper", dc)
		}
		inner := u.Unwrap()
		same(t, "conn", dc, inner, connIfaces)

		innerRows, err := inner.(driver.QueryerContext).QueryContext(ctx, "SELECT 1", nil)
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = innerRows.Close() }()
		wrapRows, err := dc.(driver.QueryerContext).QueryContext(ctx, "SELECT 1", nil)
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = wrapRows.Close() }()
		same(t, "rows", wrapRows, innerRows, rowsIfaces)

		innerStmt, err := inner.(driver.ConnPrepareContext).PrepareContext(ctx, "SELECT 1")
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = innerStmt.Close() }()
		wrapStmt, err := dc.(driver.ConnPrepareContext).PrepareContext(ctx, "SELECT 1")
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = wrapStmt.Close() }()
		same(t, "stmt", wrapStmt, innerStmt, stmtIfaces)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := db.SQL.Driver().(driver.DriverContext); ok {
		t.Error("the wrapper's driver implements DriverContext; modernc's does not")
	}
}

// same fails unless wrapper and inner implement the same interfaces.
// Deprecated ones (Execer, Queryer) are left out: database/sql uses them
// only when the Context forms are missing, and both implement those.
func same(t *testing.T, what string, wrapper, inner any, ifaces []reflect.Type) {
	t.Helper()
	for _, it := range ifaces {
		w, i := reflect.TypeOf(wrapper).Implements(it), reflect.TypeOf(inner).Implements(it)
		if w != i {
			t.Errorf("%s: wrapper implements %v: %v, modernc: %v", what, it, w, i)
		}
	}
}

func iface[T any]() reflect.Type { return reflect.TypeOf((*T)(nil)).Elem() }

var (
	connIfaces = []reflect.Type{
		iface[driver.ConnBeginTx](), iface[driver.ConnPrepareContext](),
		iface[driver.ExecerContext](), iface[driver.QueryerContext](),
		iface[driver.Pinger](), iface[driver.SessionResetter](), iface[driver.Validator](),
		iface[driver.NamedValueChecker](),
	}
	rowsIfaces = []reflect.Type{
		iface[driver.RowsColumnTypeScanType](), iface[driver.RowsColumnTypeDatabaseTypeName](),
		iface[driver.RowsColumnTypeLength](), iface[driver.RowsColumnTypeNullable](),
		iface[driver.RowsColumnTypePrecisionScale](), iface[driver.RowsNextResultSet](),
	}
	stmtIfaces = []reflect.Type{
		iface[driver.StmtExecContext](), iface[driver.StmtQueryContext](),
		iface[driver.NamedValueChecker](),
		iface[driver.ColumnConverter](), //nolint:staticcheck // deprecated, yet database/sql still uses it
	}
)

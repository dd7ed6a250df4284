package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"reflect"

	"modernc.org/sqlite"
)

// Why this file exists: modernc's driver reports a column's scan type from
// the type of the value in the current row, and for a NULL value it returns
// a nil reflect.Type (rows.ColumnTypeScanType: `case SQLITE_NULL: return
// reflect.TypeOf(nil)`). ent asks for that type when it scans a column it
// does not know, such as the aggregate a `*_COUNT` order or the joined
// column an edge-field order (ISSUER_NAME…) adds to a query, and calls
// .Kind() on it: a nil pointer panic for every row whose directive has no
// task, or whose issuer is unset (entgo.io/ent/dialect/sql.ScanTypeOf).
// PostgreSQL reports declared types and never hits this.
//
// openSQLite therefore opens modernc's connections through a thin wrapper
// whose rows answer "any" (scan into *any, which ent handles) instead of
// nil. Nothing else changes: every optional interface modernc implements is
// forwarded, no other is added (database/sql picks code paths by which
// interfaces a driver has), and the wrapper goes through sql.OpenDB with a
// Connector, so no driver name is registered and "sqlite" stays modernc's.
// Code that needs modernc's own connection methods (Serialize, NewBackup…)
// can reach them with sql.Conn.Raw and the Unwrap method.
//
// No DSN option of modernc changes this behaviour (v1.62.0).

// anyType is the scan type reported for a NULL value.
var anyType = reflect.TypeOf((*any)(nil)).Elem()

// openSQLite opens a SQLite database at a modernc DSN through the wrapper.
func openSQLite(dsn string) (*sql.DB, error) {
	c, err := sqlite.NewConnector(dsn)
	if err != nil {
		return nil, err
	}
	return sql.OpenDB(sqliteConnector{c}), nil
}

// sqliteConn is what the wrapper needs of a modernc connection: every
// optional interface it implements and database/sql uses. A modernc release
// that drops one fails Connect loudly rather than silently slowing down.
type sqliteConn interface {
	driver.Conn
	driver.ConnBeginTx
	driver.ConnPrepareContext
	driver.ExecerContext
	driver.QueryerContext
	driver.Pinger
	driver.SessionResetter
	driver.Validator
}

// sqliteRows is likewise what the wrapper needs of modernc's rows.
type sqliteRows interface {
	driver.Rows
	driver.RowsColumnTypeScanType
	driver.RowsColumnTypeDatabaseTypeName
	driver.RowsColumnTypeLength
	driver.RowsColumnTypeNullable
	driver.RowsColumnTypePrecisionScale
}

// sqliteStmt is what the wrapper needs of modernc's statements.
type sqliteStmt interface {
	driver.Stmt
	driver.StmtExecContext
	driver.StmtQueryContext
}

type sqliteConnector struct{ driver.Connector }

func (c sqliteConnector) Connect(ctx context.Context) (driver.Conn, error) {
	dc, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return wrapConn(dc)
}

func (c sqliteConnector) Driver() driver.Driver { return sqliteDriver{c.Connector.Driver()} }

// sqliteDriver is what sql.DB.Driver reports; its Open wraps too.
type sqliteDriver struct{ driver.Driver }

func (d sqliteDriver) Open(name string) (driver.Conn, error) {
	dc, err := d.Driver.Open(name)
	if err != nil {
		return nil, err
	}
	return wrapConn(dc)
}

func wrapConn(dc driver.Conn) (driver.Conn, error) {
	c, ok := dc.(sqliteConn)
	if !ok {
		_ = dc.Close()
		return nil, fmt.Errorf("sqlite driver connection %T lacks an interface chidao relies on", dc)
	}
	return &conn{c}, nil
}

type conn struct{ c sqliteConn }

// Unwrap returns modernc's connection, for sql.Conn.Raw users.
func (c *conn) Unwrap() driver.Conn { return c.c }

// Prepare is required by driver.Conn; database/sql calls PrepareContext.
func (c *conn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

func (c *conn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	s, err := c.c.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	return wrapStmt(s)
}

func (c *conn) Close() error { return c.c.Close() }

// Begin is required by driver.Conn; database/sql calls BeginTx, and
// modernc's Begin is BeginTx with a background context.
func (c *conn) Begin() (driver.Tx, error) {
	return c.c.BeginTx(context.Background(), driver.TxOptions{})
}

func (c *conn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.c.BeginTx(ctx, opts)
}

func (c *conn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	return c.c.ExecContext(ctx, query, args)
}

func (c *conn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	r, err := c.c.QueryContext(ctx, query, args)
	if err != nil {
		return nil, err
	}
	return wrapRows(r)
}

func (c *conn) Ping(ctx context.Context) error         { return c.c.Ping(ctx) }
func (c *conn) ResetSession(ctx context.Context) error { return c.c.ResetSession(ctx) }
func (c *conn) IsValid() bool                          { return c.c.IsValid() }

func wrapStmt(ds driver.Stmt) (driver.Stmt, error) {
	s, ok := ds.(sqliteStmt)
	if !ok {
		_ = ds.Close()
		return nil, fmt.Errorf("sqlite driver statement %T lacks an interface chidao relies on", ds)
	}
	return &stmt{s}, nil
}

type stmt struct{ s sqliteStmt }

func (s *stmt) Close() error  { return s.s.Close() }
func (s *stmt) NumInput() int { return s.s.NumInput() }

// Exec and Query are required by driver.Stmt; database/sql calls the
// Context forms, and modernc's are those with a background context.
func (s *stmt) Exec(args []driver.Value) (driver.Result, error) {
	return s.ExecContext(context.Background(), named(args))
}

func (s *stmt) Query(args []driver.Value) (driver.Rows, error) {
	return s.QueryContext(context.Background(), named(args))
}

func named(args []driver.Value) []driver.NamedValue {
	nv := make([]driver.NamedValue, len(args))
	for i, v := range args {
		nv[i] = driver.NamedValue{Ordinal: i + 1, Value: v}
	}
	return nv
}

func (s *stmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	return s.s.ExecContext(ctx, args)
}

func (s *stmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	r, err := s.s.QueryContext(ctx, args)
	if err != nil {
		return nil, err
	}
	return wrapRows(r)
}

func wrapRows(dr driver.Rows) (driver.Rows, error) {
	r, ok := dr.(sqliteRows)
	if !ok {
		_ = dr.Close()
		return nil, fmt.Errorf("sqlite driver rows %T lack an interface chidao relies on", dr)
	}
	return &rows{r}, nil
}

type rows struct{ r sqliteRows }

func (r *rows) Columns() []string              { return r.r.Columns() }
func (r *rows) Close() error                   { return r.r.Close() }
func (r *rows) Next(dest []driver.Value) error { return r.r.Next(dest) }

// ColumnTypeScanType is the fix: never nil.
func (r *rows) ColumnTypeScanType(i int) reflect.Type {
	if t := r.r.ColumnTypeScanType(i); t != nil {
		return t
	}
	return anyType
}

func (r *rows) ColumnTypeDatabaseTypeName(i int) string { return r.r.ColumnTypeDatabaseTypeName(i) }
func (r *rows) ColumnTypeLength(i int) (int64, bool)    { return r.r.ColumnTypeLength(i) }
func (r *rows) ColumnTypeNullable(i int) (bool, bool)   { return r.r.ColumnTypeNullable(i) }
func (r *rows) ColumnTypePrecisionScale(i int) (int64, int64, bool) {
	return r.r.ColumnTypePrecisionScale(i)
}

package store_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/chidao/chidao/ent"
	"github.com/chidao/chidao/ent/schema/schematype"
	"github.com/chidao/chidao/ent/taskassignment"
	"github.com/chidao/chidao/internal/store"
	"github.com/chidao/chidao/internal/testdb"
	"github.com/chidao/chidao/internal/viewer"
)

// Ids of rows in testdata/upgrade/v0.*.sql.
const (
	v0TuHaiPhong     = 17179869187
	v0QuanUyKienAn   = 17179869188
	v0ChuThapDoQuan  = 17179869191
	v0Directive1416  = 4294967299
	v0TaskSection3   = 34359738369
	v0AssignmentLead = 38654705665
	v0ReportFirst    = 30064771073
	v0MaxOrgID       = 17179869191
)

// v0Rows is how many rows each table of the v0 fixture holds.
var v0Rows = map[string]int{
	"organizations":        7,
	"persons":              1,
	"memberships":          1,
	"directives":           3,
	"directive_references": 3,
	"recipients":           3,
	"tasks":                2,
	"task_assignments":     3,
	"reports":              2,
}

// What the v0 fixture lacks and Migrate must add.
var (
	v0MissingTables  = []string{"deadline_extensions", "chidao_meta"}
	v0MissingColumns = [][2]string{{"organizations", "locality"}, {"reports", "review_note"}, {"tasks", "cancelled"}}
	v0MissingIndexes = []string{
		"organization_abbreviation", "task_due_date", "report_review_state",
		"taskassignment_task_id_organization_id_role", "deadlineextension_assignment_id",
	}
)

// loadV0 fills an empty database with the schema-version-0 fixture of its
// dialect, as an earlier chidao left it.
func loadV0(t *testing.T, db *store.DB) {
	t.Helper()
	name := "v0.sqlite.sql"
	if db.Dialect == dialect.Postgres {
		name = "v0.postgres.sql"
	}
	b, err := os.ReadFile(filepath.Join("testdata", "upgrade", name))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL.ExecContext(context.Background(), string(b)); err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
}

func TestMigrateUpgradeKeepsEveryRow(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		db := testdb.Open(t, dsn, testdb.Options{NoMigrate: true})
		loadV0(t, db)

		tables := userTables(t, db)
		for _, name := range v0MissingTables {
			if slices.Contains(tables, name) {
				t.Fatalf("fixture already has table %s", name)
			}
		}
		for name := range v0Rows {
			if !slices.Contains(tables, name) {
				t.Errorf("fixture lacks table %s", name)
			}
		}
		for _, name := range tables {
			if _, ok := v0Rows[name]; !ok {
				t.Errorf("fixture has table %s that the test does not count", name)
			}
		}
		before := dumpRows(t, db, tables, nil)
		for name, rows := range before {
			if len(rows.rows) != v0Rows[name] {
				t.Errorf("fixture table %s: %d rows, want %d", name, len(rows.rows), v0Rows[name])
			}
		}

		res, err := db.Migrate(ctx)
		if err != nil {
			t.Fatalf("migrate v0: %v", err)
		}
		if res.From != 0 || res.To != store.SchemaVersion {
			t.Fatalf("migrate v0: %+v, want From 0 To %d", res, store.SchemaVersion)
		}
		if err := db.CheckSchema(ctx); err != nil {
			t.Fatalf("after migrate: %v", err)
		}

		// Every row, with every value it had. The version-2 backfill of
		// organisations' paths goes through ent, whose update default moves
		// organizations.updated_at to the time of the upgrade: that column
		// alone may differ (see the report of this test's commit).
		after := dumpRows(t, db, tables, columnsOf(before))
		compareDumps(t, before, after, "organizations.updated_at")

		// The schema this binary wants is there now.
		now := userTables(t, db)
		for _, name := range v0MissingTables {
			if !slices.Contains(now, name) {
				t.Errorf("after migrate: no table %s", name)
			}
		}
		for _, tc := range v0MissingColumns {
			if !slices.Contains(columns(t, db, tc[0]), tc[1]) {
				t.Errorf("after migrate: no column %s.%s", tc[0], tc[1])
			}
		}
		idx := indexes(t, db)
		for _, name := range v0MissingIndexes {
			if !slices.Contains(idx, name) {
				t.Errorf("after migrate: no index %s", name)
			}
		}

		// The old rows read through ent, as the CLI reads them.
		ctx = viewer.NewContext(ctx, viewer.System())
		c := db.Client
		org, err := c.Organization.Get(ctx, v0QuanUyKienAn)
		if err != nil {
			t.Fatalf("get Quận ủy Kiến An: %v", err)
		}
		parent, err := org.QueryParent().Only(ctx)
		if err != nil {
			t.Fatalf("parent of %s: %v", org.Name, err)
		}
		if org.Name != "Quận ủy Kiến An" || parent.ID != v0TuHaiPhong || parent.Name != "Thành ủy Hải Phòng" {
			t.Errorf("organisation %q under %q (%d), want Quận ủy Kiến An under Thành ủy Hải Phòng", org.Name, parent.Name, parent.ID)
		}
		if want := "/17179869185/17179869187/17179869188/"; org.Path != want {
			t.Errorf("path of %s = %q, want %q (backfilled by the upgrade)", org.Name, org.Path, want)
		}
		if org.Locality != "" {
			t.Errorf("locality of an old row = %q, want empty", org.Locality)
		}
		if org.ValidFrom == nil || !org.ValidFrom.Equal(time.Date(2020, 10, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("valid_from = %v, want 2020-10-01", org.ValidFrom)
		}
		if want := []string{"Quận ủy"}; !slices.Equal(org.Aliases, want) {
			t.Errorf("aliases = %q, want %q", org.Aliases, want)
		}
		rep, err := c.Report.Get(ctx, v0ReportFirst)
		if err != nil {
			t.Fatalf("get report: %v", err)
		}
		wantFigures := schematype.Figures{"don_vi_mau_tiep_nhan": 640, "hoi_vien_moi": 312, "tien_ho_tro_trieu_dong": 415.5}
		if fmt.Sprint(rep.Figures) != fmt.Sprint(wantFigures) {
			t.Errorf("figures = %v, want %v", rep.Figures, wantFigures)
		}
		if rep.ReviewNote != "" || rep.ReviewState.String() != "ACCEPTED" {
			t.Errorf("report review = %q %q, want ACCEPTED with no note", rep.ReviewState, rep.ReviewNote)
		}
		d, err := c.Directive.Get(ctx, v0Directive1416)
		if err != nil {
			t.Fatalf("get 1416-CV/QU: %v", err)
		}
		refs, err := d.QueryReferences().All(ctx)
		if err != nil {
			t.Fatal(err)
		}
		unresolved := 0
		for _, r := range refs {
			if r.TargetID == nil {
				unresolved++
			}
		}
		if d.Symbol != "1416-CV/QU" || len(refs) != 3 || unresolved != 1 {
			t.Errorf("%s: %d references, %d unresolved; want 1416-CV/QU with 3, 1 unresolved", d.Symbol, len(refs), unresolved)
		}
		tasks, err := c.Task.Query().All(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, tk := range tasks {
			if tk.Cancelled {
				t.Errorf("task %s: cancelled after the upgrade, want the default false", tk.SectionPath)
			}
		}

		// The new columns and table take writes through ent.
		const locality = "quận Kiến An, TP Hải Phòng"
		if err := c.Organization.UpdateOneID(v0QuanUyKienAn).SetLocality(locality).Exec(ctx); err != nil {
			t.Fatalf("set locality: %v", err)
		}
		if err := c.Report.UpdateOneID(v0ReportFirst).SetReviewNote("Đạt yêu cầu").Exec(ctx); err != nil {
			t.Fatalf("set review note: %v", err)
		}
		ext, err := c.DeadlineExtension.Create().
			SetAssignmentID(v0AssignmentLead).
			SetPreviousDueDate(time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC)).
			SetNewDueDate(time.Date(2024, 9, 30, 0, 0, 0, 0, time.UTC)).
			SetReason("Chờ Đại hội Hội Chữ thập đỏ quận").
			Save(ctx)
		if err != nil {
			t.Fatalf("create deadline extension: %v", err)
		}
		if got, err := c.TaskAssignment.Query().Where(taskassignment.HasExtensions()).OnlyID(ctx); err != nil || got != v0AssignmentLead {
			t.Errorf("assignment with the extension %d = %d, %v; want %d", ext.ID, got, err, v0AssignmentLead)
		}
		if got, err := c.Organization.Get(ctx, v0QuanUyKienAn); err != nil || got.Locality != locality {
			t.Errorf("locality read back: %+v, %v", got, err)
		}
		// The unique index the old schema lacked now holds.
		_, err = c.TaskAssignment.Create().
			SetTaskID(v0TaskSection3).SetOrganizationID(v0ChuThapDoQuan).
			SetRole(taskassignment.RoleLEAD).
			Save(ctx)
		if !ent.IsConstraintError(err) {
			t.Errorf("duplicate assignment: err = %v, want a constraint error", err)
		}
		// New rows take ids after the old ones, in the organisation range.
		neworg, err := c.Organization.Create().
			SetName("Hội Chữ thập đỏ phường Bắc Sơn").
			SetSystem("FRONT").SetLevel("COMMUNE").
			SetParentID(v0ChuThapDoQuan).
			Save(ctx)
		if err != nil {
			t.Fatalf("create organisation after the upgrade: %v", err)
		}
		if neworg.ID <= v0MaxOrgID || neworg.ID >= v0MaxOrgID+1<<31 {
			t.Errorf("new organisation id %d, want just after %d", neworg.ID, v0MaxOrgID)
		}

		// A second Migrate has nothing to do and keeps what was written.
		beforeAgain := dumpRows(t, db, userTables(t, db), nil)
		res, err = db.Migrate(ctx)
		if err != nil {
			t.Fatalf("second migrate: %v", err)
		}
		if res.From != store.SchemaVersion || res.To != store.SchemaVersion {
			t.Errorf("second migrate: %+v, want From = To = %d", res, store.SchemaVersion)
		}
		compareDumps(t, beforeAgain, dumpRows(t, db, userTables(t, db), nil), "")
	})
}

func TestMigrateRefusesNewerSchema(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		db := testdb.Open(t, dsn, testdb.Options{NoMigrate: true})
		loadV0(t, db)
		// A later chidao recorded version 99 (and would have its own schema;
		// the old one stands in for "not what this binary writes").
		mustExec(t, db, `CREATE TABLE chidao_meta (key VARCHAR(100) PRIMARY KEY, value TEXT NOT NULL)`)
		mustExec(t, db, `INSERT INTO chidao_meta (key, value) VALUES ('schema_version', '99')`)

		tables := userTables(t, db)
		schemaBefore := catalog(t, db)
		rowsBefore := dumpRows(t, db, tables, nil)

		res, err := db.Migrate(ctx)
		if err == nil {
			t.Fatalf("migrate a version-99 database: no error (%+v)", res)
		}
		if !strings.Contains(err.Error(), "newer") || !strings.Contains(err.Error(), "99") {
			t.Errorf("error %q should say the database is from a newer chidao (version 99)", err)
		}
		if res.From != 99 {
			t.Errorf("result %+v, want From 99", res)
		}
		if got := catalog(t, db); !slices.Equal(got, schemaBefore) {
			t.Errorf("the schema changed although migrate refused:\nbefore %q\nafter  %q", schemaBefore, got)
		}
		compareDumps(t, rowsBefore, dumpRows(t, db, tables, nil), "")
		if err := db.CheckSchema(ctx); err == nil || !strings.Contains(err.Error(), "99") {
			t.Errorf("CheckSchema = %v, want an error naming version 99", err)
		}
	})
}

func TestOpenUnreachablePostgres(t *testing.T) {
	const password = "Zq7-s3cret-pw"
	dsn := "postgres://chidao:" + password + "@127.0.0.1:1/chidao?sslmode=disable"
	start := time.Now()
	db, err := store.Open(context.Background(), dsn, store.Options{ConnectTimeout: 5 * time.Second})
	if err == nil {
		_ = db.Close()
		t.Fatal("open a closed port: no error")
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("open took %s, want a quick failure on a refused connection", d)
	}
	msg := err.Error()
	if strings.Contains(msg, password) {
		t.Errorf("error shows the password: %s", msg)
	}
	if !strings.Contains(msg, "127.0.0.1:1") || !strings.Contains(msg, "cannot reach database") {
		t.Errorf("error %q should say which database cannot be reached", msg)
	}
}

func TestOpenConnectTimeout(t *testing.T) {
	// A server that accepts connections and never answers: Open must give
	// up after ConnectTimeout instead of hanging.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu   sync.Mutex
		held []net.Conn
	)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			held = append(held, c)
			mu.Unlock()
		}
	}()
	hangUp := func() {
		_ = ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range held {
			_ = c.Close()
		}
	}
	defer hangUp()

	dsn := "postgres://chidao:pw@" + ln.Addr().String() + "/chidao?sslmode=disable"
	done := make(chan error, 1)
	start := time.Now()
	go func() {
		db, err := store.Open(context.Background(), dsn, store.Options{ConnectTimeout: 500 * time.Millisecond})
		if err == nil {
			_ = db.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("open a silent server: no error")
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("open took %s, want it to stop after the 500ms connect timeout", d)
		}
		if !strings.Contains(err.Error(), ln.Addr().String()) {
			t.Errorf("error %q should name the server", err)
		}
	case <-time.After(5 * time.Second):
		t.Error("open still waits for a silent server 5s after a 500ms connect timeout")
		hangUp()
		if err := <-done; err != nil {
			t.Logf("silent server: %v", err)
		}
	}
}

func TestOpenRejectsOtherURLs(t *testing.T) {
	for _, dsn := range []string{
		"mysql://root:hunter2@127.0.0.1:3306/chidao",
		"sqlserver://sa:hunter2@127.0.0.1/chidao",
	} {
		db, err := store.Open(context.Background(), dsn, store.Options{})
		if err == nil {
			_ = db.Close()
			t.Errorf("open %s: no error", dsn)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, "unsupported database URL") || !strings.Contains(msg, "postgres://") {
			t.Errorf("open %s: error %q should say the URL is unsupported and what is", dsn, msg)
		}
		if strings.Contains(msg, "hunter2") {
			t.Errorf("open %s: error shows the password: %s", dsn, msg)
		}
	}
	if _, err := store.Open(context.Background(), "", store.Options{}); err == nil {
		t.Error("open an empty DSN: no error")
	}
}

func TestRedact(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"postgres://u:secret@db:5432/chidao?sslmode=disable", "postgres://u:xxxxx@db:5432/chidao?sslmode=disable"},
		{"postgres://u:p%40ss%2Fw@db/chidao", "postgres://u:xxxxx@db/chidao"},
		{"postgres://u@db/chidao", "postgres://u@db/chidao"},
		{"/var/lib/chidao/chidao.db", "/var/lib/chidao/chidao.db"},
	} {
		if got := store.Redact(tc.in); got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func mustExec(t *testing.T, db *store.DB, q string) {
	t.Helper()
	if _, err := db.SQL.ExecContext(context.Background(), q); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// userTables lists the tables of the database, without the engine's own.
func userTables(t *testing.T, db *store.DB) []string {
	t.Helper()
	q := `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`
	if db.Dialect == dialect.Postgres {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`
	}
	return queryStrings(t, db, q)
}

func columns(t *testing.T, db *store.DB, table string) []string {
	t.Helper()
	q := `SELECT name FROM pragma_table_info('` + table + `') ORDER BY name`
	if db.Dialect == dialect.Postgres {
		q = `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '` + table + `' ORDER BY column_name`
	}
	return queryStrings(t, db, q)
}

func indexes(t *testing.T, db *store.DB) []string {
	t.Helper()
	q := `SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name`
	if db.Dialect == dialect.Postgres {
		q = `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname`
	}
	return queryStrings(t, db, q)
}

// catalog describes the whole schema — tables, columns, indexes — as lines
// to compare.
func catalog(t *testing.T, db *store.DB) []string {
	t.Helper()
	q := `SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master ORDER BY type, name`
	if db.Dialect == dialect.Postgres {
		q = `SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || COALESCE(column_default, '')
		       FROM information_schema.columns WHERE table_schema = current_schema()
		     UNION ALL
		     SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()
		     UNION ALL
		     SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
		     ORDER BY 1`
	}
	return queryStrings(t, db, q)
}

func queryStrings(t *testing.T, db *store.DB, q string) []string {
	t.Helper()
	rows, err := db.SQL.QueryContext(context.Background(), q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer func() { _ = rows.Close() }()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// tableDump is a table's column names and its rows ordered by id, each
// value printed.
type tableDump struct {
	cols []string
	rows [][]string
}

func columnsOf(d map[string]tableDump) map[string][]string {
	out := make(map[string][]string, len(d))
	for name, td := range d {
		out[name] = td.cols
	}
	return out
}

// dumpRows reads every row of tables; cols, when given, limits a table to
// those columns (the ones it had before an upgrade added others).
func dumpRows(t *testing.T, db *store.DB, tables []string, cols map[string][]string) map[string]tableDump {
	t.Helper()
	out := make(map[string]tableDump, len(tables))
	for _, name := range tables {
		sel := "*"
		if c, ok := cols[name]; ok {
			sel = strings.Join(c, ", ")
		}
		order := " ORDER BY id"
		if name == "chidao_meta" {
			order = " ORDER BY key"
		}
		q := "SELECT " + sel + " FROM " + name + order
		out[name] = dumpQuery(t, db, q)
	}
	return out
}

func dumpQuery(t *testing.T, db *store.DB, q string) tableDump {
	t.Helper()
	rows, err := db.SQL.QueryContext(context.Background(), q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer func() { _ = rows.Close() }()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	td := tableDump{cols: cols}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		row := make([]string, len(cols))
		for i, v := range vals {
			row[i] = printValue(v)
		}
		td.rows = append(td.rows, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return td
}

func printValue(v any) string {
	switch v := v.(type) {
	case nil:
		return "NULL"
	case []byte:
		return string(v)
	case time.Time:
		return v.UTC().Format(time.RFC3339Nano)
	default:
		return fmt.Sprint(v)
	}
}

// compareDumps reports every row or value of before that after lacks or
// holds differently, except in the column mayChange ("table.column").
func compareDumps(t *testing.T, before, after map[string]tableDump, mayChange string) {
	t.Helper()
	for name, b := range before {
		a, ok := after[name]
		if !ok {
			t.Errorf("table %s is gone", name)
			continue
		}
		if len(a.rows) != len(b.rows) {
			t.Errorf("table %s: %d rows, had %d", name, len(a.rows), len(b.rows))
			continue
		}
		for i := range b.rows {
			for j, col := range b.cols {
				if j >= len(a.rows[i]) || a.cols[j] != col {
					t.Errorf("table %s: column %s is missing", name, col)
					break
				}
				if a.rows[i][j] != b.rows[i][j] && name+"."+col != mayChange {
					t.Errorf("table %s row %d, %s = %s, was %s", name, i, col, a.rows[i][j], b.rows[i][j])
				}
			}
		}
	}
}

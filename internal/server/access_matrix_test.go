package server

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chidao/chidao/ent"
	"github.com/chidao/chidao/ent/apitoken"
	"github.com/chidao/chidao/ent/auditrecord"
	"github.com/chidao/chidao/ent/deadlineextension"
	"github.com/chidao/chidao/ent/directive"
	"github.com/chidao/chidao/ent/directivereference"
	"github.com/chidao/chidao/ent/membership"
	"github.com/chidao/chidao/ent/organization"
	"github.com/chidao/chidao/ent/person"
	"github.com/chidao/chidao/ent/recipient"
	"github.com/chidao/chidao/ent/report"
	"github.com/chidao/chidao/ent/savedquery"
	"github.com/chidao/chidao/ent/schema/schematype"
	"github.com/chidao/chidao/ent/task"
	"github.com/chidao/chidao/ent/taskassignment"
	"github.com/chidao/chidao/ent/user"
	"github.com/chidao/chidao/internal/auth"
	"github.com/chidao/chidao/internal/gid"
	"github.com/chidao/chidao/internal/store"
	"github.com/chidao/chidao/internal/viewer"
)

// The accounts of the access fixture, by key.
const (
	acAdmin  = "admin"  // ADMIN, unscoped, TUYET_MAT (newEnv's account)
	acEditor = "editor" // EDITOR, unscoped, TUYET_MAT
	acEdA    = "edA"    // EDITOR scoped to A, clearance MAT
	acRep    = "rep"    // REPORTER scoped to A1 (a leaf of A), clearance NONE
	acVA     = "vA"     // VIEWER scoped to A, TUYET_MAT
	acVN     = "vN"     // VIEWER, unscoped, clearance NONE
	acAn     = "an"     // VIEWER (analyst), unscoped, clearance MAT
	acAnon   = "anon"   // no credentials
)

// acAll5 are the restricted accounts that read a public row of A1.
const acAll5 = "vA edA rep vN an"

// acBig organisations sit under A1 and acSmall under B1, each with an
// assignment of task T_AP1, so related lists run past a page of 100 with
// hidden rows among them.
const (
	acBig   = 105
	acSmall = 12
)

// acRow is one fixture row and, written by hand, who may read it.
type acRow struct {
	key  string // fixture key, e.g. D_AP
	typ  string // GraphQL type
	id   int
	mark string          // text that appears only in this row ("[D_AP]"), "" if none
	vis  map[string]bool // accounts that may read the row
}

// acFixture is the access tests' own world, built through the ent client
// as the system: a root with two sibling subtrees A and B, public and
// secret directives in each with their recipients, references, tasks,
// assignments, extensions and reports, people and posts, and an account
// of every role. Each row carries the hand-written list of accounts that
// may read it; the tests compare responses with these tags, never with the
// access rules themselves.
type acFixture struct {
	t     *testing.T
	e     *env
	c     *ent.Client
	ctx   context.Context // the system viewer
	rows  map[string]*acRow
	list  []*acRow
	byID  map[int]*acRow
	token map[string]string // account key → bearer token
	uid   map[string]int
	email map[string]string
	seq   int
}

func newACFixture(t *testing.T, dsn string) *acFixture {
	t.Helper()
	if store.IsPostgres(dsn) {
		// A throwaway database need not wait for its commits to reach the
		// disk; the matrix makes thousands of them.
		db, err := sql.Open("postgres", dsn)
		if err == nil {
			_, err = db.Exec(`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET synchronous_commit = off', current_database()); END $$`)
			_ = db.Close()
		}
		if err != nil {
			t.Fatalf("tune test database: %v", err)
		}
	}
	e := newEnv(t, dsn, false, func(c *Config) {
		c.AuthHTTP.PerCredential = 1e6
		c.AuthHTTP.PerAddress = 1e6
	})
	f := &acFixture{
		t: t, e: e, c: e.db.Client,
		ctx:  viewer.NewContext(context.Background(), viewer.System()),
		rows: map[string]*acRow{}, byID: map[int]*acRow{},
		token: map[string]string{acAdmin: e.token, acAnon: ""},
		uid:   map[string]int{}, email: map[string]string{acAdmin: "admin@test.vn"},
	}
	f.build()
	return f
}

// add records a row. Graph rows are read by the administrator and the
// unscoped editor too.
func (f *acFixture) add(key, typ string, id int, vis string, graph bool) *acRow {
	f.t.Helper()
	if _, dup := f.rows[key]; dup {
		f.t.Fatalf("fixture key %s twice", key)
	}
	r := &acRow{key: key, typ: typ, id: id, mark: "[" + key + "]", vis: map[string]bool{}}
	for _, k := range strings.Fields(vis) {
		r.vis[k] = true
	}
	if graph {
		r.vis[acAdmin], r.vis[acEditor] = true, true
	}
	f.rows[key], f.byID[id] = r, r
	f.list = append(f.list, r)
	return r
}

// id returns the id of a fixture row.
func (f *acFixture) id(key string) int {
	f.t.Helper()
	r, ok := f.rows[key]
	if !ok {
		f.t.Fatalf("no fixture row %s", key)
	}
	return r.id
}

// gid returns the GraphQL id of a fixture row.
func (f *acFixture) gid(key string) string { return gid.Encode(f.id(key)) }

func (f *acFixture) ptr(key string) *int {
	if key == "" {
		return nil
	}
	id := f.id(key)
	return &id
}

func (f *acFixture) must(err error) {
	f.t.Helper()
	if err != nil {
		f.t.Fatalf("fixture: %v", err)
	}
}

func (f *acFixture) org(key, parent, vis string) int {
	f.t.Helper()
	o, err := f.c.Organization.Create().SetName("Tổ chức [" + key + "]").
		SetSystem(organization.SystemPARTY).SetLevel(organization.LevelDISTRICT).
		SetNillableParentID(f.ptr(parent)).Save(f.ctx)
	f.must(err)
	f.add(key, "Organization", o.ID, vis, true)
	return o.ID
}

func (f *acFixture) person(key, vis string) {
	f.t.Helper()
	p, err := f.c.Person.Create().SetFullName("Người [" + key + "]").Save(f.ctx)
	f.must(err)
	f.add(key, "Person", p.ID, vis, true)
}

func (f *acFixture) post(key, personKey, orgKey, vis string) {
	f.t.Helper()
	m, err := f.c.Membership.Create().SetPersonID(f.id(personKey)).SetOrganizationID(f.id(orgKey)).
		SetPostTitle("Chức vụ [" + key + "]").Save(f.ctx)
	f.must(err)
	f.add(key, "Membership", m.ID, vis, true)
}

func (f *acFixture) directive(key, issuer, signer string, secrecy directive.Secrecy, vis string) {
	f.t.Helper()
	d, err := f.c.Directive.Create().SetSymbol("[" + key + "]").SetSubject("V/v [" + key + "]").
		SetSystem(directive.SystemPARTY).SetSecrecy(secrecy).SetByReference(issuer == "").
		SetNillableIssuerID(f.ptr(issuer)).SetNillableSignerID(f.ptr(signer)).Save(f.ctx)
	f.must(err)
	f.add(key, "Directive", d.ID, vis, true)
}

func (f *acFixture) recipient(key, dir, org, vis string) {
	f.t.Helper()
	r, err := f.c.Recipient.Create().SetDirectiveID(f.id(dir)).SetNillableOrganizationID(f.ptr(org)).
		SetText("Nơi nhận [" + key + "]").SetKind(recipient.KindADDRESSEE).Save(f.ctx)
	f.must(err)
	f.add(key, "Recipient", r.ID, vis, true)
}

func (f *acFixture) reference(key, source, target, vis string) {
	f.t.Helper()
	r, err := f.c.DirectiveReference.Create().SetSourceID(f.id(source)).SetNillableTargetID(f.ptr(target)).
		SetCitedText("Căn cứ [" + key + "]").SetCitedSymbol("số [" + key + "]").Save(f.ctx)
	f.must(err)
	f.add(key, "DirectiveReference", r.ID, vis, true)
}

var acDue = time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)

func (f *acFixture) task(key, dir, implements, vis string) {
	f.t.Helper()
	tk, err := f.c.Task.Create().SetDirectiveID(f.id(dir)).SetSectionPath("1").SetText("Nhiệm vụ [" + key + "]").
		SetDueDate(acDue).SetNillableImplementsID(f.ptr(implements)).Save(f.ctx)
	f.must(err)
	f.add(key, "Task", tk.ID, vis, true)
}

func (f *acFixture) assign(key, taskKey, org string, role taskassignment.Role, vis string) {
	f.t.Helper()
	a, err := f.c.TaskAssignment.Create().SetTaskID(f.id(taskKey)).SetOrganizationID(f.id(org)).
		SetRole(role).SetProgressNote("Tiến độ [" + key + "]").Save(f.ctx)
	f.must(err)
	f.add(key, "TaskAssignment", a.ID, vis, true)
}

func (f *acFixture) extension(key, assignment, vis string) {
	f.t.Helper()
	x, err := f.c.DeadlineExtension.Create().SetAssignmentID(f.id(assignment)).
		SetNewDueDate(acDue.AddDate(0, 3, 0)).SetReason("Gia hạn [" + key + "]").Save(f.ctx)
	f.must(err)
	f.add(key, "DeadlineExtension", x.ID, vis, true)
}

func (f *acFixture) report(key, org, dir, taskKey, assignment string) *ent.ReportCreate {
	f.t.Helper()
	return f.c.Report.Create().SetOrganizationID(f.id(org)).SetNillableDirectiveID(f.ptr(dir)).
		SetNillableTaskID(f.ptr(taskKey)).SetNillableAssignmentID(f.ptr(assignment)).
		SetText("Báo cáo [" + key + "]").SetFigures(schematype.Figures{"so_lieu": 1})
}

func (f *acFixture) saveReport(key, vis string, c *ent.ReportCreate) {
	f.t.Helper()
	r, err := c.Save(f.ctx)
	f.must(err)
	f.add(key, "Report", r.ID, vis, true)
}

func (f *acFixture) account(key, email string, role user.Role, scope string, clearance user.Clearance) {
	f.t.Helper()
	f.token[key] = f.e.user(email, role, f.ptr(scope), clearance)
	f.email[key] = email
}

func (f *acFixture) savedQuery(key, owner string, sharing savedquery.Sharing, vis string) {
	f.t.Helper()
	q, err := f.c.SavedQuery.Create().SetName("Truy vấn [" + key + "]").SetDocument("{ me { id } }").
		SetOwnerID(f.uid[owner]).SetSharing(sharing).Save(f.ctx)
	f.must(err)
	f.add(key, "SavedQuery", q.ID, vis, false)
}

func (f *acFixture) build() {
	f.t.Helper()
	// The graph is written in one transaction: one commit instead of
	// thousands keeps PostgreSQL runs short.
	tx, err := f.e.db.Client.Tx(f.ctx)
	f.must(err)
	f.c = tx.Client()
	const (
		aOnly = "vA edA vN an" // A and its children other than A1's subtree; unscoped accounts
		bOnly = "vN an"        // B's subtree and the root: unscoped accounts only
	)
	// Organisations: ROOT ─┬─ A ─┬─ A1 ── AC001…AC105
	//                      │     └─ A2
	//                      └─ B ─── B1 ── BC001…BC012
	f.org("O_ROOT", "", bOnly)
	f.org("O_A", "O_ROOT", aOnly)
	f.org("O_A1", "O_A", acAll5)
	f.org("O_A2", "O_A", aOnly)
	f.org("O_B", "O_ROOT", bOnly)
	f.org("O_B1", "O_B", bOnly)
	for i := 1; i <= acBig; i++ {
		f.org(fmt.Sprintf("O_AC%03d", i), "O_A1", acAll5)
	}
	for i := 1; i <= acSmall; i++ {
		f.org(fmt.Sprintf("O_BC%03d", i), "O_B1", bOnly)
	}

	// People and posts. P_AB holds posts in A2 and in B.
	f.person("P_ROOT", bOnly)
	f.person("P_A", acAll5)
	f.person("P_B", bOnly)
	f.person("P_AB", aOnly)
	f.post("M_ROOT", "P_ROOT", "O_ROOT", bOnly)
	f.post("M_A", "P_A", "O_A1", acAll5)
	f.post("M_B", "P_B", "O_B1", bOnly)
	f.post("M_ABA", "P_AB", "O_A2", aOnly)
	f.post("M_ABB", "P_AB", "O_B", bOnly)

	// Directives.
	f.directive("D_RP", "O_ROOT", "P_ROOT", directive.SecrecyNONE, acAll5) // to A and B; task to A1
	f.directive("D_AP", "O_A", "P_A", directive.SecrecyNONE, acAll5)       // to A1 and B1
	f.directive("D_AM", "O_A2", "", directive.SecrecyMAT, "vA edA an")
	f.directive("D_AT", "O_A", "", directive.SecrecyTOI_MAT, "vA")
	f.directive("D_BP", "O_B", "P_B", directive.SecrecyNONE, bOnly)
	f.directive("D_BM", "O_B", "P_AB", directive.SecrecyMAT, "an")
	f.directive("D_RM", "O_ROOT", "", directive.SecrecyMAT, "vA edA an") // to A
	f.directive("D_REF", "", "", directive.SecrecyNONE, bOnly)           // known by reference, cited by D_BP
	f.directive("D_DEL", "O_ROOT", "", directive.SecrecyNONE, aOnly)     // to A and B; task to B1

	f.recipient("RC1", "D_RP", "O_A", acAll5)
	f.recipient("RC2", "D_RP", "O_B", acAll5)
	f.recipient("RC3", "D_AP", "O_A1", acAll5)
	f.recipient("RC4", "D_AP", "O_B1", acAll5)
	f.recipient("RC5", "D_AM", "O_A1", "vA edA an")
	f.recipient("RC6", "D_AT", "O_A1", "vA")
	f.recipient("RC7", "D_BP", "O_B1", bOnly)
	f.recipient("RC8", "D_BP", "", bOnly)
	f.recipient("RC9", "D_RM", "O_A", "vA edA an")
	f.recipient("RC10", "D_DEL", "O_A", aOnly)
	f.recipient("RC11", "D_DEL", "O_B", aOnly)

	f.reference("RF1", "D_AP", "D_BP", acAll5) // A cites B
	f.reference("RF2", "D_AP", "D_AM", acAll5) // public cites secret
	f.reference("RF3", "D_AM", "D_BP", "vA edA an")
	f.reference("RF4", "D_BP", "D_AP", bOnly)
	f.reference("RF5", "D_BM", "D_AP", "an")
	f.reference("RF6", "D_BP", "D_REF", bOnly)
	f.reference("RF7", "D_BP", "", bOnly) // unresolved
	f.reference("RF8", "D_AT", "D_AP", "vA")

	f.task("T_RP1", "D_RP", "", acAll5)
	f.task("T_RP2", "D_RP", "", acAll5)
	f.task("T_AP1", "D_AP", "", acAll5)
	f.task("T_AP2", "D_AP", "", acAll5)
	f.task("T_AM", "D_AM", "", "vA edA an")
	f.task("T_AT", "D_AT", "", "vA")
	f.task("T_BP", "D_BP", "", bOnly)
	f.task("T_BM", "D_BM", "T_AP1", "an") // a hidden task carrying out T_AP1
	f.task("T_RM", "D_RM", "", "vA edA an")
	f.task("T_DEL", "D_DEL", "", aOnly)

	lead := taskassignment.RoleLEAD
	f.assign("AS1", "T_RP1", "O_A1", lead, acAll5)
	f.assign("AS2", "T_RP1", "O_B1", lead, bOnly)
	f.assign("AS3", "T_RP2", "O_B", lead, bOnly)
	f.assign("AS4", "T_AP2", "O_A2", lead, aOnly)
	f.assign("AS5", "T_AM", "O_A1", lead, "vA edA an")
	f.assign("AS6", "T_AT", "O_A1", lead, "vA")
	f.assign("AS7", "T_BP", "O_B1", lead, bOnly)
	f.assign("AS8", "T_BM", "O_B1", lead, "an")
	f.assign("AS9", "T_RM", "O_A", lead, "vA edA an")
	f.assign("AS10", "T_DEL", "O_B1", lead, bOnly)
	f.assign("AS11", "T_AP2", "O_A1", lead, acAll5)
	// The many assignees of T_AP1 execute rather than lead, which spares
	// the fixture the completion roll-up over every lead at each insert.
	exec := taskassignment.RoleEXECUTOR
	for i := 1; i <= acBig; i++ {
		f.assign(fmt.Sprintf("ASA%03d", i), "T_AP1", fmt.Sprintf("O_AC%03d", i), exec, acAll5)
		if i <= acSmall {
			f.assign(fmt.Sprintf("ASB%03d", i), "T_AP1", fmt.Sprintf("O_BC%03d", i), exec, bOnly)
		}
		if i <= 20 {
			f.assign(fmt.Sprintf("ASC%03d", i), "T_AP1", fmt.Sprintf("O_AC%03d", i), taskassignment.RoleCOORDINATOR, acAll5)
		}
	}

	f.extension("EX1", "AS11", acAll5)
	f.extension("EX2", "AS2", bOnly)
	f.extension("EX3", "AS5", "vA edA an")
	f.extension("EX4", "AS6", "vA")

	f.saveReport("RP1", acAll5, f.report("RP1", "O_A1", "D_AP", "T_AP1", ""))
	f.saveReport("RP2", "vA edA an", f.report("RP2", "O_A1", "D_AM", "", ""))
	f.saveReport("RP3", "vA", f.report("RP3", "O_A1", "D_AT", "", ""))
	f.saveReport("RP4", bOnly, f.report("RP4", "O_B1", "D_BP", "", ""))
	f.saveReport("RP5", bOnly, f.report("RP5", "O_B1", "D_RP", "T_RP1", "AS2"))
	f.saveReport("RP6", acAll5, f.report("RP6", "O_A1", "D_AP", "", "").
		SetReviewState(report.ReviewStateACCEPTED).SetReviewNote("Nhận xét [RP6]").SetReviewedAt(acDue))
	f.saveReport("RP7", bOnly, f.report("RP7", "O_B1", "", "T_BP", ""))
	f.saveReport("RP8", bOnly, f.report("RP8", "O_B1", "D_AP", "", ""))
	f.saveReport("RP9", "vA edA an", f.report("RP9", "O_A2", "D_AM", "", ""))

	f.must(tx.Commit())
	f.c = f.e.db.Client

	// Accounts, their tokens and saved queries.
	f.account(acEditor, "editor@ac.test", user.RoleEDITOR, "", user.ClearanceTUYET_MAT)
	f.account(acEdA, "editor.a@ac.test", user.RoleEDITOR, "O_A", user.ClearanceMAT)
	f.account(acRep, "reporter.a1@ac.test", user.RoleREPORTER, "O_A1", user.ClearanceNONE)
	f.account(acVA, "viewer.a@ac.test", user.RoleVIEWER, "O_A", user.ClearanceTUYET_MAT)
	f.account(acVN, "viewer.none@ac.test", user.RoleVIEWER, "", user.ClearanceNONE)
	f.account(acAn, "analyst.mat@ac.test", user.RoleVIEWER, "", user.ClearanceMAT)
	for _, k := range []string{acAdmin, acEditor, acEdA, acRep, acVA, acVN, acAn} {
		u, err := f.c.User.Query().Where(user.Email(f.email[k])).Only(f.ctx)
		f.must(err)
		f.uid[k] = u.ID
		r := f.add("U_"+k, "User", u.ID, acAdmin+" "+k, false)
		r.mark = f.email[k]
		tk, err := f.c.APIToken.Query().Where(apitoken.UserID(u.ID)).Only(f.ctx)
		f.must(err)
		f.add("TK_"+k, "APIToken", tk.ID, acAdmin+" "+k, false).mark = ""
		if k != acAdmin {
			f.savedQuery("SQ_"+k, k, savedquery.SharingPRIVATE, acAdmin+" "+k)
		}
	}
	f.savedQuery("SQ_ADM", acAdmin, savedquery.SharingPRIVATE, acAdmin)
	f.savedQuery("SQ_SH", acAdmin, savedquery.SharingSHARED, "admin editor edA rep vA vN an")
	recs, err := f.c.AuditRecord.Query().Order(auditrecord.ByID()).Limit(3).IDs(f.ctx)
	f.must(err)
	for i, id := range recs {
		f.add(fmt.Sprintf("AR%d", i), "AuditRecord", id, acAdmin, false).mark = ""
	}
}

// acReply is a GraphQL answer with its raw body.
type acReply struct {
	body   []byte
	data   map[string]any
	errors []gqlError
}

func (r acReply) code() string {
	if len(r.errors) == 0 {
		return ""
	}
	c, _ := r.errors[0].Extensions["code"].(string)
	return c
}

// as sends a GraphQL request with the account's token (none for anon).
func (f *acFixture) as(who, query string, vars map[string]any) acReply {
	f.t.Helper()
	tok, ok := f.token[who]
	if !ok {
		f.t.Fatalf("no account %s", who)
	}
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, f.e.srv.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		f.t.Fatalf("post: %v", err)
	}
	defer func() { _ = resp.Body.Close() }()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		f.t.Fatalf("read: %v", err)
	}
	var out struct {
		Data   map[string]any `json:"data"`
		Errors []gqlError     `json:"errors"`
	}
	if err := json.Unmarshal(b, &out); err != nil {
		f.t.Fatalf("decode %d %s: %v", resp.StatusCode, clip(string(b)), err)
	}
	return acReply{body: b, data: out.Data, errors: out.Errors}
}

// field reads a stored field of a node as the system (JSON, "null" when
// unset, "<gone>" when the row does not exist).
func (f *acFixture) field(id int, name string) string {
	f.t.Helper()
	n, err := f.c.Noder(f.ctx, id)
	if ent.IsNotFound(err) {
		return "<gone>"
	}
	f.must(err)
	b, _ := json.Marshal(n)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	v, ok := m[name]
	if !ok || v == nil {
		return "null"
	}
	out, _ := json.Marshal(v)
	return string(out)
}

func (f *acFixture) exists(id int) bool { return f.field(id, "id") != "<gone>" }

// audited tells whether the audit log holds a record of the action on the
// entity by the account.
func (f *acFixture) audited(who string, action auditrecord.Action, id int) bool {
	f.t.Helper()
	ok, err := f.c.AuditRecord.Query().Where(auditrecord.EntityID(id), auditrecord.ActionEQ(action),
		auditrecord.Actor(f.email[who])).Exist(f.ctx)
	f.must(err)
	return ok
}

func (f *acFixture) ids(ids []int, err error) []int {
	f.t.Helper()
	f.must(err)
	return ids
}

func (f *acFixture) marker() string {
	f.seq++
	return fmt.Sprintf("mk%05d", f.seq)
}

// Fresh rows, made as the system, for one matrix cell to change or delete.

func (f *acFixture) freshOrg(parent string) int {
	f.t.Helper()
	o, err := f.c.Organization.Create().SetName(f.marker()).SetSystem(organization.SystemPARTY).
		SetLevel(organization.LevelCOMMUNE).SetParentID(f.id(parent)).Save(f.ctx)
	f.must(err)
	return o.ID
}

func (f *acFixture) freshAssignment(taskKey, parent string) int {
	f.t.Helper()
	a, err := f.c.TaskAssignment.Create().SetTaskID(f.id(taskKey)).SetOrganizationID(f.freshOrg(parent)).
		SetRole(taskassignment.RoleLEAD).SetProgressNote(f.marker()).Save(f.ctx)
	f.must(err)
	return a.ID
}

func (f *acFixture) freshReport(org, dir string, state report.ReviewState) int {
	f.t.Helper()
	c := f.c.Report.Create().SetOrganizationID(f.id(org)).SetDirectiveID(f.id(dir)).
		SetText(f.marker()).SetReviewState(state)
	if state == report.ReviewStateACCEPTED {
		c.SetReviewNote("đạt").SetReviewedAt(acDue)
	}
	r, err := c.Save(f.ctx)
	f.must(err)
	return r.ID
}

func (f *acFixture) freshToken(owner string) int {
	f.t.Helper()
	_, tk, err := f.e.server.Auth().CreateToken(f.ctx, auth.TokenInput{UserID: f.uid[owner], Name: f.marker()})
	f.must(err)
	return tk.ID
}

func (f *acFixture) freshSavedQuery(owner string) int {
	f.t.Helper()
	q, err := f.c.SavedQuery.Create().SetName(f.marker()).SetDocument("{ me { id } }").SetOwnerID(f.uid[owner]).Save(f.ctx)
	f.must(err)
	return q.ID
}

// Matrix outcomes.
type acOutcome string

const (
	mY acOutcome = "allowed"
	mH acOutcome = "hidden" // a read that finds nothing, without error
	mF acOutcome = "FORBIDDEN"
	mU acOutcome = "UNAUTHENTICATED"
	mN acOutcome = "NOT_FOUND"
	mX acOutcome = "GRAPHQL_VALIDATION_FAILED" // the API has no such mutation
)

// acRoles are the matrix columns, in order.
var acRoles = [7]string{acAdmin, acEditor, acEdA, acRep, acVA, acVN, acAnon}

// acCell is one matrix row: an operation on an entity, on a target, and
// the outcome for each role, written out by hand.
//
// Targets: "own" rows sit in A1 (in every scoped account's subtree) and
// are public; "other" rows sit in B1 (outside every scope); "secret" rows
// sit in A1 under the TOI_MAT directive D_AT (above the clearance of the
// scoped editor, the reporter and the NONE viewer). For accounts, tokens
// and saved queries "own" is the caller's and "other" another account's.
// "addressed" rows belong to D_RP, issued by ROOT and addressed to A: a
// scoped editor reads them but does not edit them, while the reporter
// still reports progress on A1's assignment. The remaining targets are the
// reporter's and the review special cases.
type acCell struct {
	entity, op, target string
	want               [7]acOutcome // admin, editor, editor A, reporter A1, viewer A, viewer NONE, anonymous
}

var accessMatrix = []acCell{
	// entity, op, target            admin editor edA  rep  vA   vN   anon
	{"Organization", "read", "own", [7]acOutcome{mY, mY, mY, mY, mY, mY, mU}},
	{"Organization", "read", "other", [7]acOutcome{mY, mY, mH, mH, mH, mY, mU}},
	{"Organization", "create", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"Organization", "create", "other", [7]acOutcome{mY, mY, mF, mF, mF, mF, mU}},
	{"Organization", "update", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"Organization", "update", "other", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},
	{"Organization", "delete", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"Organization", "delete", "other", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},

	{"Person", "read", "own", [7]acOutcome{mY, mY, mY, mY, mY, mY, mU}},
	{"Person", "read", "other", [7]acOutcome{mY, mY, mH, mH, mH, mY, mU}},
	{"Person", "create", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"Person", "update", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"Person", "update", "other", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},
	{"Person", "delete", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"Person", "delete", "other", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},

	{"Membership", "read", "own", [7]acOutcome{mY, mY, mY, mY, mY, mY, mU}},
	{"Membership", "read", "other", [7]acOutcome{mY, mY, mH, mH, mH, mY, mU}},
	{"Membership", "create", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"Membership", "create", "other", [7]acOutcome{mY, mY, mF, mF, mF, mF, mU}},
	{"Membership", "update", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"Membership", "update", "other", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},
	{"Membership", "delete", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"Membership", "delete", "other", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},

	{"Directive", "read", "own", [7]acOutcome{mY, mY, mY, mY, mY, mY, mU}},
	{"Directive", "read", "other", [7]acOutcome{mY, mY, mH, mH, mH, mY, mU}},
	{"Directive", "read", "secret", [7]acOutcome{mY, mY, mH, mH, mY, mH, mU}},
	{"Directive", "create", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"Directive", "create", "other", [7]acOutcome{mY, mY, mF, mF, mF, mF, mU}},
	{"Directive", "create", "secret", [7]acOutcome{mY, mY, mF, mF, mF, mF, mU}},
	{"Directive", "update", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"Directive", "update", "other", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},
	{"Directive", "update", "secret", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},
	{"Directive", "update", "addressed", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}}, // issued by ROOT, addressed to A: read, not edited
	{"Directive", "delete", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"Directive", "delete", "other", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},
	{"Directive", "delete", "secret", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},

	{"DirectiveReference", "read", "own", [7]acOutcome{mY, mY, mY, mY, mY, mY, mU}},
	{"DirectiveReference", "read", "other", [7]acOutcome{mY, mY, mH, mH, mH, mY, mU}},
	{"DirectiveReference", "read", "secret", [7]acOutcome{mY, mY, mH, mH, mY, mH, mU}},
	{"DirectiveReference", "create", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"DirectiveReference", "create", "other", [7]acOutcome{mY, mY, mF, mF, mF, mF, mU}},
	{"DirectiveReference", "create", "secret", [7]acOutcome{mY, mY, mF, mF, mF, mF, mU}},
	{"DirectiveReference", "update", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"DirectiveReference", "update", "other", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},
	{"DirectiveReference", "update", "secret", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},
	{"DirectiveReference", "delete", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"DirectiveReference", "delete", "other", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},
	{"DirectiveReference", "delete", "secret", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},

	{"Recipient", "read", "own", [7]acOutcome{mY, mY, mY, mY, mY, mY, mU}},
	{"Recipient", "read", "other", [7]acOutcome{mY, mY, mH, mH, mH, mY, mU}},
	{"Recipient", "read", "secret", [7]acOutcome{mY, mY, mH, mH, mY, mH, mU}},
	{"Recipient", "create", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"Recipient", "create", "other", [7]acOutcome{mY, mY, mF, mF, mF, mF, mU}},
	{"Recipient", "create", "secret", [7]acOutcome{mY, mY, mF, mF, mF, mF, mU}},
	{"Recipient", "update", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"Recipient", "update", "other", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},
	{"Recipient", "update", "secret", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},
	{"Recipient", "delete", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"Recipient", "delete", "other", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},
	{"Recipient", "delete", "secret", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},

	{"Task", "read", "own", [7]acOutcome{mY, mY, mY, mY, mY, mY, mU}},
	{"Task", "read", "other", [7]acOutcome{mY, mY, mH, mH, mH, mY, mU}},
	{"Task", "read", "secret", [7]acOutcome{mY, mY, mH, mH, mY, mH, mU}},
	{"Task", "create", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"Task", "create", "other", [7]acOutcome{mY, mY, mF, mF, mF, mF, mU}},
	{"Task", "create", "secret", [7]acOutcome{mY, mY, mF, mF, mF, mF, mU}},
	{"Task", "update", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"Task", "update", "other", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},
	{"Task", "update", "secret", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},
	{"Task", "update", "addressed", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},
	{"Task", "delete", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"Task", "delete", "other", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},
	{"Task", "delete", "secret", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},

	{"TaskAssignment", "read", "own", [7]acOutcome{mY, mY, mY, mY, mY, mY, mU}},
	{"TaskAssignment", "read", "other", [7]acOutcome{mY, mY, mH, mH, mH, mY, mU}},
	{"TaskAssignment", "read", "secret", [7]acOutcome{mY, mY, mH, mH, mY, mH, mU}},
	{"TaskAssignment", "create", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"TaskAssignment", "create", "other", [7]acOutcome{mY, mY, mF, mF, mF, mF, mU}},
	{"TaskAssignment", "create", "secret", [7]acOutcome{mY, mY, mF, mF, mF, mF, mU}},
	{"TaskAssignment", "update", "own", [7]acOutcome{mY, mY, mY, mY, mF, mF, mU}}, // progress
	{"TaskAssignment", "update", "other", [7]acOutcome{mY, mY, mN, mN, mF, mF, mU}},
	{"TaskAssignment", "update", "secret", [7]acOutcome{mY, mY, mN, mN, mF, mF, mU}},
	{"TaskAssignment", "update", "sibling", [7]acOutcome{mY, mY, mY, mN, mF, mF, mU}},   // A2's: in A, not in A1
	{"TaskAssignment", "update", "addressed", [7]acOutcome{mY, mY, mN, mY, mF, mF, mU}}, // A1's, of ROOT's directive
	{"TaskAssignment", "update", "complete", [7]acOutcome{mY, mY, mY, mY, mF, mF, mU}},  // progress 100 and completedAt
	{"TaskAssignment", "update", "role", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},      // LEAD → COORDINATOR
	{"TaskAssignment", "update", "org", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},       // to another organisation of A1
	{"TaskAssignment", "update", "due", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},       // a new due date
	{"TaskAssignment", "update", "clear-due", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}}, // clearProgressNote + clearDueDate
	{"TaskAssignment", "delete", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"TaskAssignment", "delete", "other", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},
	{"TaskAssignment", "delete", "secret", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},

	{"DeadlineExtension", "read", "own", [7]acOutcome{mY, mY, mY, mY, mY, mY, mU}},
	{"DeadlineExtension", "read", "other", [7]acOutcome{mY, mY, mH, mH, mH, mY, mU}},
	{"DeadlineExtension", "read", "secret", [7]acOutcome{mY, mY, mH, mH, mY, mH, mU}},
	{"DeadlineExtension", "create", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"DeadlineExtension", "create", "other", [7]acOutcome{mY, mY, mF, mF, mF, mF, mU}},
	{"DeadlineExtension", "create", "secret", [7]acOutcome{mY, mY, mF, mF, mF, mF, mU}},
	{"DeadlineExtension", "update", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"DeadlineExtension", "update", "other", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},
	{"DeadlineExtension", "update", "secret", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},
	{"DeadlineExtension", "delete", "own", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},
	{"DeadlineExtension", "delete", "other", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},
	{"DeadlineExtension", "delete", "secret", [7]acOutcome{mY, mY, mN, mF, mF, mF, mU}},

	{"Report", "read", "own", [7]acOutcome{mY, mY, mY, mY, mY, mY, mU}},
	{"Report", "read", "other", [7]acOutcome{mY, mY, mH, mH, mH, mY, mU}},
	{"Report", "read", "secret", [7]acOutcome{mY, mY, mH, mH, mY, mH, mU}},
	{"Report", "create", "own", [7]acOutcome{mY, mY, mY, mY, mF, mF, mU}},
	{"Report", "create", "other", [7]acOutcome{mY, mY, mF, mF, mF, mF, mU}},
	{"Report", "create", "secret", [7]acOutcome{mY, mY, mF, mF, mF, mF, mU}},
	{"Report", "create", "accepted", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}}, // born reviewed
	{"Report", "update", "own", [7]acOutcome{mY, mY, mY, mY, mF, mF, mU}},      // its text
	{"Report", "update", "other", [7]acOutcome{mY, mY, mN, mN, mF, mF, mU}},
	{"Report", "update", "secret", [7]acOutcome{mY, mY, mN, mN, mF, mF, mU}},
	{"Report", "update", "submit", [7]acOutcome{mY, mY, mY, mY, mF, mF, mU}},       // DRAFT → SUBMITTED
	{"Report", "update", "accept", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},       // → ACCEPTED
	{"Report", "update", "return", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},       // → RETURNED
	{"Report", "update", "review-note", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}},  // a review note
	{"Report", "update", "review-clear", [7]acOutcome{mY, mY, mY, mF, mF, mF, mU}}, // clear the note and date of a review
	{"Report", "delete", "own", [7]acOutcome{mY, mY, mY, mY, mF, mF, mU}},
	{"Report", "delete", "other", [7]acOutcome{mY, mY, mN, mN, mF, mF, mU}},
	{"Report", "delete", "secret", [7]acOutcome{mY, mY, mN, mN, mF, mF, mU}},

	{"User", "read", "own", [7]acOutcome{mY, mY, mY, mY, mY, mY, mU}},
	{"User", "read", "other", [7]acOutcome{mY, mH, mH, mH, mH, mH, mU}},
	{"User", "create", "own", [7]acOutcome{mY, mF, mF, mF, mF, mF, mU}},
	{"User", "update", "own", [7]acOutcome{mY, mF, mF, mF, mF, mF, mU}},
	{"User", "update", "other", [7]acOutcome{mY, mF, mF, mF, mF, mF, mU}},
	{"User", "delete", "own", [7]acOutcome{mX, mX, mX, mX, mX, mX, mX}},

	{"APIToken", "read", "own", [7]acOutcome{mY, mY, mY, mY, mY, mY, mU}},
	{"APIToken", "read", "other", [7]acOutcome{mY, mH, mH, mH, mH, mH, mU}},
	{"APIToken", "create", "own", [7]acOutcome{mY, mY, mY, mY, mY, mY, mU}},
	{"APIToken", "update", "own", [7]acOutcome{mY, mY, mY, mY, mY, mY, mU}}, // revoke
	{"APIToken", "update", "other", [7]acOutcome{mY, mN, mN, mN, mN, mN, mU}},
	{"APIToken", "delete", "own", [7]acOutcome{mX, mX, mX, mX, mX, mX, mX}},

	{"SavedQuery", "read", "own", [7]acOutcome{mY, mY, mY, mY, mY, mY, mU}},
	{"SavedQuery", "read", "other", [7]acOutcome{mY, mH, mH, mH, mH, mH, mU}},
	{"SavedQuery", "read", "shared", [7]acOutcome{mY, mY, mY, mY, mY, mY, mU}},
	{"SavedQuery", "create", "own", [7]acOutcome{mY, mY, mY, mY, mY, mY, mU}},
	{"SavedQuery", "update", "own", [7]acOutcome{mY, mY, mY, mY, mY, mY, mU}},
	{"SavedQuery", "update", "other", [7]acOutcome{mY, mN, mN, mN, mN, mN, mU}},
	{"SavedQuery", "update", "shared", [7]acOutcome{mY, mN, mN, mN, mN, mN, mU}},
	{"SavedQuery", "delete", "own", [7]acOutcome{mY, mY, mY, mY, mY, mY, mU}},
	{"SavedQuery", "delete", "other", [7]acOutcome{mY, mN, mN, mN, mN, mN, mU}},

	{"AuditRecord", "read", "own", [7]acOutcome{mY, mF, mF, mF, mF, mF, mU}},
	{"AuditRecord", "create", "own", [7]acOutcome{mX, mX, mX, mX, mX, mX, mX}},
	{"AuditRecord", "update", "own", [7]acOutcome{mX, mX, mX, mX, mX, mX, mX}},
	{"AuditRecord", "delete", "own", [7]acOutcome{mX, mX, mX, mX, mX, mX, mX}},
}

// acRoots are the root connections of the entities.
var acRoots = map[string]string{
	"Organization": "organizations", "Person": "persons", "Membership": "memberships",
	"Directive": "directives", "DirectiveReference": "directiveReferences", "Recipient": "recipients",
	"Task": "tasks", "TaskAssignment": "taskAssignments", "DeadlineExtension": "deadlineExtensions",
	"Report": "reports", "User": "users", "APIToken": "apiTokens", "SavedQuery": "savedQueries",
	"AuditRecord": "auditRecords",
}

// acAction is what one cell sends and how its effect is read back.
type acAction struct {
	query string
	vars  map[string]any
	id    int    // the row read, updated or deleted
	field string // the stored field an update changes
	want  string // its value after an allowed update ("" : any change)
	// created lists the rows a create made, found by the cell's marker.
	created func() []int
}

// acOther is the account whose rows are "other" for who.
func acOther(who string) string {
	if who == acAdmin {
		return acEditor
	}
	return acAdmin
}

// acSelf is the account whose rows are "own" for who.
func acSelf(who string) string {
	if who == acAnon {
		return acAdmin
	}
	return who
}

// savedQueryTarget is the saved query a cell works on: the caller's own,
// another account's private one, or the shared one.
func (f *acFixture) savedQueryTarget(target, who string) int {
	switch {
	case target == "shared":
		return f.id("SQ_SH")
	case target == "other" && who == acAdmin:
		return f.id("SQ_" + acEditor)
	case target == "other", who == acAdmin, who == acAnon:
		return f.id("SQ_ADM")
	}
	return f.id("SQ_" + who)
}

// acInstant is a distinct instant for each n, so every update changes the value.
func acInstant(n int) string {
	return time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n) * time.Minute).Format(time.RFC3339)
}

// prepare builds the request of a cell for one role, creating the fresh
// rows it needs.
func (f *acFixture) prepare(c acCell, who string) acAction {
	f.t.Helper()
	mk := f.marker()
	pick := func(own, other, secret string) string {
		switch c.target {
		case "other":
			return other
		case "secret":
			return secret
		}
		return own
	}
	g := gid.Encode
	mut := func(name, input string) string {
		return fmt.Sprintf(`mutation($in: %s!) { %s(input: $in) { id } }`, input, name)
	}
	upd := func(name, input string) string {
		return fmt.Sprintf(`mutation($id: ID!, $in: %s!) { %s(id: $id, input: $in) { id } }`, input, name)
	}
	del := func(name string) string { return fmt.Sprintf(`mutation($id: ID!) { %s(id: $id) }`, name) }

	switch c.op {
	case "read":
		var id int
		switch c.entity {
		case "User":
			id = f.uid[acSelf(who)]
			if c.target == "other" {
				id = f.uid[acOther(who)]
			}
		case "APIToken":
			id = f.id("TK_" + acSelf(who))
			if c.target == "other" {
				id = f.id("TK_" + acOther(who))
			}
		case "SavedQuery":
			id = f.savedQueryTarget(c.target, who)
		case "AuditRecord":
			id = f.id("AR0")
		default:
			id = f.id(map[string][3]string{
				"Organization":       {"O_A1", "O_B1", ""},
				"Person":             {"P_A", "P_B", ""},
				"Membership":         {"M_A", "M_B", ""},
				"Directive":          {"D_AP", "D_BP", "D_AT"},
				"DirectiveReference": {"RF1", "RF4", "RF8"},
				"Recipient":          {"RC3", "RC7", "RC6"},
				"Task":               {"T_AP1", "T_BP", "T_AT"},
				"TaskAssignment":     {"AS11", "AS2", "AS6"},
				"DeadlineExtension":  {"EX1", "EX2", "EX4"},
				"Report":             {"RP1", "RP4", "RP3"},
			}[c.entity][map[string]int{"own": 0, "other": 1, "secret": 2}[c.target]])
		}
		return acAction{id: id, query: fmt.Sprintf(`query($id: ID!) { node(id: $id) { id } list: %s(where: {id: $id}) { totalCount } }`, acRoots[c.entity]),
			vars: map[string]any{"id": g(id)}}

	case "create":
		var in map[string]any
		var a acAction
		switch c.entity {
		case "Organization":
			in = map[string]any{"name": mk, "system": "PARTY", "level": "COMMUNE", "parentID": f.gid(pick("O_A1", "O_B1", ""))}
			a = acAction{query: mut("createOrganization", "CreateOrganizationInput"), created: func() []int { return f.ids(f.c.Organization.Query().Where(organization.Name(mk)).IDs(f.ctx)) }}
		case "Person":
			in = map[string]any{"fullName": mk}
			a = acAction{query: mut("createPerson", "CreatePersonInput"), created: func() []int { return f.ids(f.c.Person.Query().Where(person.FullName(mk)).IDs(f.ctx)) }}
		case "Membership":
			in = map[string]any{"postTitle": mk, "personID": f.gid(pick("P_A", "P_B", "")), "organizationID": f.gid(pick("O_A1", "O_B1", ""))}
			a = acAction{query: mut("createMembership", "CreateMembershipInput"), created: func() []int { return f.ids(f.c.Membership.Query().Where(membership.PostTitle(mk)).IDs(f.ctx)) }}
		case "Directive":
			in = map[string]any{"symbol": mk, "system": "PARTY", "issuerID": f.gid(pick("O_A1", "O_B1", "O_A1")), "secrecy": pick("NONE", "NONE", "TOI_MAT")}
			a = acAction{query: mut("createDirective", "CreateDirectiveInput"), created: func() []int { return f.ids(f.c.Directive.Query().Where(directive.Symbol(mk)).IDs(f.ctx)) }}
		case "DirectiveReference":
			in = map[string]any{"citedText": mk, "sourceID": f.gid(pick("D_AP", "D_BP", "D_AT"))}
			a = acAction{query: mut("createDirectiveReference", "CreateDirectiveReferenceInput"), created: func() []int {
				return f.ids(f.c.DirectiveReference.Query().Where(directivereference.CitedText(mk)).IDs(f.ctx))
			}}
		case "Recipient":
			in = map[string]any{"text": mk, "kind": "ADDRESSEE", "directiveID": f.gid(pick("D_AP", "D_BP", "D_AT"))}
			a = acAction{query: mut("createRecipient", "CreateRecipientInput"), created: func() []int { return f.ids(f.c.Recipient.Query().Where(recipient.Text(mk)).IDs(f.ctx)) }}
		case "Task":
			in = map[string]any{"text": mk, "sectionPath": "9", "directiveID": f.gid(pick("D_AP", "D_BP", "D_AT"))}
			a = acAction{query: mut("createTask", "CreateTaskInput"), created: func() []int { return f.ids(f.c.Task.Query().Where(task.Text(mk)).IDs(f.ctx)) }}
		case "TaskAssignment":
			org := f.freshOrg(pick("O_A1", "O_B1", "O_A1"))
			in = map[string]any{"role": "LEAD", "progressNote": mk, "taskID": f.gid(pick("T_AP2", "T_BP", "T_AT")), "organizationID": g(org)}
			a = acAction{query: mut("createTaskAssignment", "CreateTaskAssignmentInput"), created: func() []int {
				return f.ids(f.c.TaskAssignment.Query().Where(taskassignment.ProgressNote(mk)).IDs(f.ctx))
			}}
		case "DeadlineExtension":
			in = map[string]any{"reason": mk, "newDueDate": "2027-01-31T00:00:00Z", "assignmentID": f.gid(pick("AS11", "AS2", "AS6"))}
			a = acAction{query: mut("createDeadlineExtension", "CreateDeadlineExtensionInput"), created: func() []int {
				return f.ids(f.c.DeadlineExtension.Query().Where(deadlineextension.Reason(mk)).IDs(f.ctx))
			}}
		case "Report":
			in = map[string]any{"text": mk, "organizationID": f.gid(pick("O_A1", "O_B1", "O_A1")), "directiveID": f.gid(pick("D_AP", "D_BP", "D_AT")), "figures": map[string]any{"x": 1}}
			if c.target == "accepted" {
				in["reviewState"] = "ACCEPTED"
			}
			a = acAction{query: mut("createReport", "CreateReportInput"), created: func() []int { return f.ids(f.c.Report.Query().Where(report.Text(mk)).IDs(f.ctx)) }}
		case "User":
			in = map[string]any{"email": mk + "@ac.test", "password": "correct horse battery", "role": "VIEWER"}
			a = acAction{query: mut("createUser", "CreateUserInput"), created: func() []int { return f.ids(f.c.User.Query().Where(user.Email(mk + "@ac.test")).IDs(f.ctx)) }}
		case "APIToken":
			in = map[string]any{"name": mk}
			a = acAction{query: `mutation($in: CreateAPITokenInput!) { createAPIToken(input: $in) { apiToken { id } } }`, created: func() []int { return f.ids(f.c.APIToken.Query().Where(apitoken.Name(mk)).IDs(f.ctx)) }}
		case "SavedQuery":
			in = map[string]any{"name": mk, "document": "{ me { id } }"}
			a = acAction{query: mut("createSavedQuery", "CreateSavedQueryInput"), created: func() []int { return f.ids(f.c.SavedQuery.Query().Where(savedquery.Name(mk)).IDs(f.ctx)) }}
		case "AuditRecord":
			in = map[string]any{"actor": mk}
			a = acAction{query: `mutation($in: Map!) { createAuditRecord(input: $in) { id } }`, created: func() []int { return f.ids(f.c.AuditRecord.Query().Where(auditrecord.Actor(mk)).IDs(f.ctx)) }}
		default:
			f.t.Fatalf("no create for %s", c.entity)
		}
		a.vars = map[string]any{"in": in}
		return a

	case "update":
		var (
			id    int
			in    map[string]any
			field string
			want  = fmt.Sprintf("%q", mk)
			q     string
		)
		switch c.entity {
		case "Organization":
			id, in, field, q = f.id(pick("O_A1", "O_B1", "")), map[string]any{"locality": mk}, "locality", upd("updateOrganization", "UpdateOrganizationInput")
		case "Person":
			id, in, field, q = f.id(pick("P_A", "P_B", "")), map[string]any{"otherNames": []string{mk}}, "other_names", upd("updatePerson", "UpdatePersonInput")
			want = fmt.Sprintf("[%q]", mk)
		case "Membership":
			// The post title carries the row's mark: change the role instead.
			id, field, q = f.id(pick("M_A", "M_B", "")), "role", upd("updateMembership", "UpdateMembershipInput")
			role := "MEMBER"
			if f.field(id, "role") == `"MEMBER"` {
				role = "STAFF"
			}
			in, want = map[string]any{"role": role}, fmt.Sprintf("%q", role)
		case "Directive":
			id, in, field, q = f.id(pick("D_AP", "D_BP", "D_AT")), map[string]any{"place": mk}, "place", upd("updateDirective", "UpdateDirectiveInput")
			if c.target == "addressed" {
				id = f.id("D_RP")
			}
		case "DirectiveReference":
			id, in, field, q = f.id(pick("RF1", "RF4", "RF8")), map[string]any{"citedIssuerText": mk}, "cited_issuer_text", upd("updateDirectiveReference", "UpdateDirectiveReferenceInput")
		case "Recipient":
			id, in, field, q = f.id(pick("RC3", "RC7", "RC6")), map[string]any{"purposeNote": mk}, "purpose_note", upd("updateRecipient", "UpdateRecipientInput")
		case "Task":
			id, in, field, q = f.id(pick("T_AP2", "T_BP", "T_AT")), map[string]any{"summary": mk}, "summary", upd("updateTask", "UpdateTaskInput")
			if c.target == "addressed" {
				id = f.id("T_RP1")
			}
		case "TaskAssignment":
			q = upd("updateTaskAssignment", "UpdateTaskAssignmentInput")
			field = "progress"
			switch c.target {
			case "own", "other", "secret", "sibling", "addressed":
				id = f.id(map[string]string{"own": "AS11", "other": "AS2", "secret": "AS6", "sibling": "AS4", "addressed": "AS1"}[c.target])
				progress := 37
				if f.field(id, field) == "37" {
					progress = 38
				}
				in, want = map[string]any{"progress": progress, "progressNote": "Tiến độ [" + f.byID[id].key + "] " + mk}, fmt.Sprint(progress)
			case "complete":
				id = f.freshAssignment("T_AP2", "O_A1")
				in = map[string]any{"progress": 100, "completedAt": "2026-01-15T00:00:00Z"}
				field, want = "completed_at", ""
			case "role":
				id = f.freshAssignment("T_AP2", "O_A1")
				in, field, want = map[string]any{"role": "COORDINATOR"}, "role", `"COORDINATOR"`
			case "org":
				id = f.freshAssignment("T_AP2", "O_A1")
				to := f.freshOrg("O_A1")
				in, field, want = map[string]any{"organizationID": g(to)}, "organization_id", fmt.Sprint(to)
			case "due":
				id = f.freshAssignment("T_AP2", "O_A1")
				in, field, want = map[string]any{"dueDate": "2030-01-31T00:00:00Z"}, "due_date", ""
			case "clear-due":
				id = f.freshAssignment("T_AP2", "O_A1")
				in, field, want = map[string]any{"clearProgressNote": true, "clearDueDate": true}, "due_date", "null"
			}
		case "DeadlineExtension":
			id, in, field, q = f.id(pick("EX1", "EX2", "EX4")), map[string]any{"grantedOn": acInstant(f.seq)}, "granted_on", upd("updateDeadlineExtension", "UpdateDeadlineExtensionInput")
			want = ""
		case "Report":
			q = upd("updateReport", "UpdateReportInput")
			switch c.target {
			case "own", "other", "secret":
				id, in, field = f.id(pick("RP1", "RP4", "RP3")), map[string]any{"periodStart": acInstant(f.seq)}, "period_start"
				want = ""
			case "submit":
				id = f.freshReport("O_A1", "D_AP", report.ReviewStateDRAFT)
				in, field, want = map[string]any{"reviewState": "SUBMITTED"}, "review_state", `"SUBMITTED"`
			case "accept", "return":
				id = f.freshReport("O_A1", "D_AP", report.ReviewStateSUBMITTED)
				state := map[string]string{"accept": "ACCEPTED", "return": "RETURNED"}[c.target]
				in, field, want = map[string]any{"reviewState": state}, "review_state", fmt.Sprintf("%q", state)
			case "review-note":
				id = f.freshReport("O_A1", "D_AP", report.ReviewStateSUBMITTED)
				in, field = map[string]any{"reviewNote": mk}, "review_note"
			case "review-clear":
				id = f.freshReport("O_A1", "D_AP", report.ReviewStateACCEPTED)
				in, field, want = map[string]any{"clearReviewNote": true, "clearReviewedAt": true}, "review_note", "null"
			}
		case "User":
			id = f.uid[acSelf(who)]
			if c.target == "other" {
				id = f.uid[acOther(who)]
			}
			in, field, q = map[string]any{"displayName": mk}, "display_name", `mutation($id: ID!, $in: UpdateUserInput!) { updateUser(id: $id, input: $in) { id } }`
		case "APIToken":
			owner := acSelf(who)
			if c.target == "other" {
				owner = acOther(who)
			}
			id, field = f.freshToken(owner), "revoked_at"
			return acAction{id: id, field: field, query: `mutation($id: ID!) { revokeAPIToken(id: $id) { id } }`, vars: map[string]any{"id": g(id)}}
		case "SavedQuery":
			id = f.savedQueryTarget(c.target, who)
			in, field, q = map[string]any{"description": mk}, "description", upd("updateSavedQuery", "UpdateSavedQueryInput")
		case "AuditRecord":
			id = f.id("AR0")
			in, field, q = map[string]any{"actor": mk}, "actor", `mutation($id: ID!, $in: Map!) { updateAuditRecord(id: $id, input: $in) { id } }`
		default:
			f.t.Fatalf("no update for %s", c.entity)
		}
		return acAction{id: id, field: field, want: want, query: q, vars: map[string]any{"id": g(id), "in": in}}

	case "delete":
		var id int
		var name string
		switch c.entity {
		case "Organization":
			id, name = f.freshOrg(pick("O_A1", "O_B1", "")), "deleteOrganization"
		case "Person":
			p, err := f.c.Person.Create().SetFullName(mk).Save(f.ctx)
			f.must(err)
			_, err = f.c.Membership.Create().SetPersonID(p.ID).SetOrganizationID(f.id(pick("O_A1", "O_B1", ""))).SetPostTitle(mk).Save(f.ctx)
			f.must(err)
			id, name = p.ID, "deletePerson"
		case "Membership":
			m, err := f.c.Membership.Create().SetPersonID(f.id(pick("P_A", "P_B", ""))).SetOrganizationID(f.id(pick("O_A1", "O_B1", ""))).SetPostTitle(mk).Save(f.ctx)
			f.must(err)
			id, name = m.ID, "deleteMembership"
		case "Directive":
			d, err := f.c.Directive.Create().SetSymbol(mk).SetSystem(directive.SystemPARTY).
				SetIssuerID(f.id(pick("O_A1", "O_B1", "O_A1"))).SetSecrecy(directive.Secrecy(pick("NONE", "NONE", "TOI_MAT"))).Save(f.ctx)
			f.must(err)
			id, name = d.ID, "deleteDirective"
		case "DirectiveReference":
			r, err := f.c.DirectiveReference.Create().SetSourceID(f.id(pick("D_AP", "D_BP", "D_AT"))).SetCitedText(mk).Save(f.ctx)
			f.must(err)
			id, name = r.ID, "deleteDirectiveReference"
		case "Recipient":
			r, err := f.c.Recipient.Create().SetDirectiveID(f.id(pick("D_AP", "D_BP", "D_AT"))).SetText(mk).SetKind(recipient.KindFOR_INFO).Save(f.ctx)
			f.must(err)
			id, name = r.ID, "deleteRecipient"
		case "Task":
			tk, err := f.c.Task.Create().SetDirectiveID(f.id(pick("D_AP", "D_BP", "D_AT"))).SetSectionPath("9").SetText(mk).Save(f.ctx)
			f.must(err)
			id, name = tk.ID, "deleteTask"
		case "TaskAssignment":
			id, name = f.freshAssignment(pick("T_AP2", "T_BP", "T_AT"), pick("O_A1", "O_B1", "O_A1")), "deleteTaskAssignment"
		case "DeadlineExtension":
			x, err := f.c.DeadlineExtension.Create().SetAssignmentID(f.id(pick("AS11", "AS2", "AS6"))).SetNewDueDate(acDue).SetReason(mk).Save(f.ctx)
			f.must(err)
			id, name = x.ID, "deleteDeadlineExtension"
		case "Report":
			id, name = f.freshReport(pick("O_A1", "O_B1", "O_A1"), pick("D_AP", "D_BP", "D_AT"), report.ReviewStateSUBMITTED), "deleteReport"
		case "SavedQuery":
			owner := acSelf(who)
			if c.target == "other" {
				owner = acOther(who)
			}
			id, name = f.freshSavedQuery(owner), "deleteSavedQuery"
		case "User":
			id, name = f.uid[acOther(who)], "deleteUser"
		case "APIToken":
			id, name = f.freshToken(acSelf(who)), "deleteAPIToken"
		case "AuditRecord":
			id, name = f.id("AR0"), "deleteAuditRecord"
		default:
			f.t.Fatalf("no delete for %s", c.entity)
		}
		return acAction{id: id, query: del(name), vars: map[string]any{"id": g(id)}}
	}
	f.t.Fatalf("unknown op %s", c.op)
	return acAction{}
}

// outcome classifies a reply.
func acOutcomeOf(r acReply, read bool) acOutcome {
	if c := r.code(); c != "" {
		if read && c == "NOT_FOUND" {
			return mH
		}
		return acOutcome(c)
	}
	if read {
		if n, _ := r.data["node"].(map[string]any); n == nil {
			return mH
		}
	}
	return mY
}

// run plays one cell for one role and reports what went wrong, if anything.
func (f *acFixture) run(c acCell, i int) []string {
	who := acRoles[i]
	want := c.want[i]
	a := f.prepare(c, who)
	var before string
	var beforeIDs []int
	if c.op == "update" && a.field != "" {
		before = f.field(a.id, a.field)
	}
	if c.op == "create" {
		beforeIDs = a.created()
	}
	r := f.as(who, a.query, a.vars)
	got := acOutcomeOf(r, c.op == "read")
	var errs []string
	if got != want {
		errs = append(errs, fmt.Sprintf("want %s, got %s %s", want, got, clip(string(r.body))))
	}
	action := map[string]auditrecord.Action{"create": auditrecord.ActionCREATE, "update": auditrecord.ActionUPDATE, "delete": auditrecord.ActionDELETE}[c.op]
	switch c.op {
	case "read":
		// The root connection agrees with node(id).
		if got == mY || got == mH {
			list, _ := r.data["list"].(map[string]any)
			n, _ := list["totalCount"].(float64)
			if (got == mY) != (n == 1) {
				errs = append(errs, fmt.Sprintf("node(id) says %s but the root connection counts %v", got, n))
			}
		}
	case "create":
		after := a.created()
		switch {
		case want == mY && len(after) != len(beforeIDs)+1:
			errs = append(errs, fmt.Sprintf("allowed create left %d rows", len(after)))
		case want == mY && !f.audited(who, action, after[0]):
			errs = append(errs, fmt.Sprintf("no CREATE audit record by %s of %d", f.email[who], after[0]))
		case want != mY && len(after) != 0:
			errs = append(errs, fmt.Sprintf("refused create still made rows %v", after))
		}
	case "update":
		now := f.field(a.id, a.field)
		switch {
		case want == mY && (now == before || a.want != "" && now != a.want):
			errs = append(errs, fmt.Sprintf("allowed update: %s is %s (was %s, want %s)", a.field, now, before, a.want))
		case want == mY && !f.audited(who, action, a.id):
			errs = append(errs, fmt.Sprintf("no UPDATE audit record by %s of %d", f.email[who], a.id))
		case want != mY && now != before:
			errs = append(errs, fmt.Sprintf("refused update changed %s: %s → %s", a.field, before, now))
		case want != mY && who != acAnon && f.audited(who, action, a.id):
			errs = append(errs, "refused update was audited")
		}
	case "delete":
		gone := !f.exists(a.id)
		switch {
		case want == mY && !gone:
			errs = append(errs, "allowed delete left the row")
		case want == mY && !f.audited(who, action, a.id):
			errs = append(errs, fmt.Sprintf("no DELETE audit record by %s of %d", f.email[who], a.id))
		case want != mY && gone:
			errs = append(errs, "refused delete removed the row")
		}
	}
	return errs
}

// TestAccessMatrix plays every role against every entity and operation
// over HTTP, on a fixture of two sibling subtrees, and checks the outcome
// written in accessMatrix, the stored state afterwards (read back as the
// system) and the audit record of every allowed change.
func TestAccessMatrix(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		start := time.Now()
		f := newACFixture(t, dsn)
		t.Logf("fixture: %d rows in %s", len(f.list), time.Since(start).Round(time.Millisecond))
		cells := 0
		for _, c := range accessMatrix {
			for i := range acRoles {
				cells++
				for _, msg := range f.run(c, i) {
					t.Errorf("%s %s %s as %s: %s", c.op, c.entity, c.target, acRoles[i], msg)
				}
			}
		}
		t.Logf("matrix: %d cells (%d rows × %d roles) in %s", cells, len(accessMatrix), len(acRoles), time.Since(start).Round(time.Millisecond))
	})
}

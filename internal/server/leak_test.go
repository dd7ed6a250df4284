package server

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chidao/chidao/ent/deadlineextension"
	"github.com/chidao/chidao/ent/directive"
	"github.com/chidao/chidao/ent/directivereference"
	"github.com/chidao/chidao/ent/membership"
	"github.com/chidao/chidao/ent/report"
	"github.com/chidao/chidao/ent/task"
	"github.com/chidao/chidao/ent/taskassignment"
	"github.com/chidao/chidao/internal/gid"
)

// lkRestricted are the accounts limited by scope or clearance whose
// answers the leak suite scans.
const lkRestricted = "vA edA rep vN an"

// leakRow is one crafted request. It runs as each account in who; every
// answer is scanned for the marks, ids and emails of rows that account may
// not read, then checked against the row's expectations.
type leakRow struct {
	name  string
	who   string // accounts, space-separated; default lkRestricted
	query string
	vars  func(f *acFixture, who string) map[string]any
	// codes are the acceptable error codes of the first error,
	// space-separated; "ok" accepts an answer without errors. Empty: the
	// request must succeed.
	codes string
	// typ and want: the rows of type typ whose ids the answer holds must be
	// exactly want[who]: fixture keys, "K*" for every key starting with K,
	// "*" for every row of typ the account may read, "-K" to take one out.
	typ  string
	want map[string]string
	// total is the path of a totalCount that must equal the number of
	// wanted rows.
	total string
	// pages is the path of a connection to follow page by page through
	// the $after variable.
	pages string
	// count is the path of a number that must equal counts[who]; -1: the
	// path leads to null (a hidden parent).
	count  string
	counts map[string]int
	// verify checks anything else of the answer.
	verify func(f *acFixture, who string, row leakRow, r acReply) []string
	// check reads stored rows back as the system after the row ran (for
	// mutations: hidden rows must be unchanged).
	check func(f *acFixture) []string
}

// lkMark matches the marks fixture rows carry in their texts.
var lkMark = regexp.MustCompile(`\[[A-Za-z0-9_]+\]`)

// scan lists every trace of a row who may not read: its mark, its email,
// its GraphQL id anywhere in the answer, or its number in an
// organisation's materialised path.
func (f *acFixture) scan(who string, body []byte) []string {
	var found []string
	seen := map[string]bool{}
	leak := func(r *acRow, how string) {
		if k := r.key + how; !seen[k] {
			seen[k] = true
			found = append(found, fmt.Sprintf("%s %s (%s)", r.typ, r.key, how))
		}
	}
	for _, m := range lkMark.FindAll(body, -1) {
		if r, ok := f.rows[string(m[1:len(m)-1])]; ok && !r.vis[who] {
			leak(r, "mark")
		}
	}
	for _, r := range f.list {
		if r.typ == "User" && !r.vis[who] && strings.Contains(string(body), r.mark) {
			leak(r, "email")
		}
	}
	var doc any
	_ = json.Unmarshal(body, &doc)
	lkWalk(doc, "", func(key string, s string) {
		if id, err := gid.Decode(s); err == nil {
			if r, ok := f.byID[id]; ok && !r.vis[who] {
				leak(r, "id in "+key)
			}
		}
		if key == "path" {
			for _, part := range strings.Split(s, "/") {
				if n, err := strconv.Atoi(part); err == nil {
					if r, ok := f.byID[n]; ok && !r.vis[who] {
						leak(r, "number in path")
					}
				}
			}
		}
	})
	return found
}

// lkWalk calls fn with every string of a decoded JSON document and the key
// it is held under.
func lkWalk(v any, key string, fn func(key, s string)) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			lkWalk(e, k, fn)
		}
	case []any:
		for _, e := range x {
			lkWalk(e, key, fn)
		}
	case string:
		fn(key, x)
	}
}

// lkPath follows a dotted path through decoded JSON.
func lkPath(v any, path string) any {
	for _, p := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[p]
	}
	return v
}

// returned lists the fixture rows of type typ whose ids appear under an
// "id" key of the data.
func (f *acFixture) returned(data any, typ string) map[string]bool {
	out := map[string]bool{}
	lkWalk(data, "", func(key, s string) {
		if key != "id" {
			return
		}
		if id, err := gid.Decode(s); err == nil {
			if r, ok := f.byID[id]; ok && r.typ == typ {
				out[r.key] = true
			}
		}
	})
	return out
}

// expected expands a want list for an account.
func (f *acFixture) expected(spec, typ, who string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(spec) {
		switch {
		case w == "*":
			for _, r := range f.list {
				if r.typ == typ && r.vis[who] {
					out[r.key] = true
				}
			}
		case strings.HasPrefix(w, "-"):
			delete(out, w[1:])
		case strings.HasSuffix(w, "*"):
			for _, r := range f.list {
				if r.typ == typ && strings.HasPrefix(r.key, w[:len(w)-1]) {
					out[r.key] = true
				}
			}
		default:
			if _, ok := f.rows[w]; !ok {
				f.t.Fatalf("want names unknown row %s", w)
			}
			out[w] = true
		}
	}
	return out
}

func lkDiff(got, want map[string]bool) string {
	var extra, missing []string
	for k := range got {
		if !want[k] {
			extra = append(extra, k)
		}
	}
	for k := range want {
		if !got[k] {
			missing = append(missing, k)
		}
	}
	if len(extra)+len(missing) == 0 {
		return ""
	}
	sort.Strings(extra)
	sort.Strings(missing)
	return fmt.Sprintf("unexpected %v, missing %v", lkClip(extra), lkClip(missing))
}

func lkClip(s []string) []string {
	if len(s) > 12 {
		return append(s[:12:12], fmt.Sprintf("… %d more", len(s)-12))
	}
	return s
}

// leak runs a row as one account and returns what went wrong.
func (f *acFixture) leak(row leakRow, who string) (problems []string, requests int) {
	vars := map[string]any{}
	if row.vars != nil {
		vars = row.vars(f, who)
	}
	var replies []acReply
	for {
		r := f.as(who, row.query, vars)
		requests++
		replies = append(replies, r)
		if row.pages == "" || r.code() != "" {
			break
		}
		conn, _ := lkPath(r.data, row.pages).(map[string]any)
		more, _ := lkPath(conn, "pageInfo.hasNextPage").(bool)
		cursor, _ := lkPath(conn, "pageInfo.endCursor").(string)
		if !more || requests > 20 {
			break
		}
		vars = map[string]any{}
		if row.vars != nil {
			vars = row.vars(f, who)
		}
		vars["after"] = cursor
	}
	got := map[string]bool{}
	for _, r := range replies {
		for _, l := range f.scan(who, r.body) {
			problems = append(problems, "LEAK "+l)
		}
		c := r.code()
		switch {
		case row.codes == "" && c != "":
			problems = append(problems, fmt.Sprintf("unexpected error %s: %s", c, r.errors[0].Message))
		case row.codes != "" && !strings.Contains(" "+row.codes+" ", " "+map[bool]string{true: "ok", false: c}[c == ""]+" "):
			problems = append(problems, fmt.Sprintf("want %s, got %q %s", row.codes, c, clip(string(r.body))))
		}
		if row.typ != "" {
			for k := range f.returned(r.data, row.typ) {
				got[k] = true
			}
		}
		if row.verify != nil {
			problems = append(problems, row.verify(f, who, row, r)...)
		}
	}
	if row.typ != "" && row.want != nil {
		spec, ok := row.want[who]
		if !ok {
			f.t.Fatalf("%s: no expectation for %s", row.name, who)
		}
		want := f.expected(spec, row.typ, who)
		if d := lkDiff(got, want); d != "" {
			problems = append(problems, fmt.Sprintf("%s rows: %s", row.typ, d))
		}
		if row.total != "" {
			n, _ := lkPath(replies[0].data, row.total).(float64)
			if int(n) != len(want) {
				problems = append(problems, fmt.Sprintf("%s is %v, want %d", row.total, n, len(want)))
			}
		}
	}
	if row.count != "" {
		want, ok := row.counts[who]
		if !ok {
			f.t.Fatalf("%s: no count for %s", row.name, who)
		}
		v := lkPath(replies[0].data, row.count)
		n, isNum := v.(float64)
		switch {
		case want == -1 && v != nil:
			problems = append(problems, fmt.Sprintf("%s is %v, want null (hidden parent)", row.count, v))
		case want >= 0 && (!isNum || int(n) != want):
			problems = append(problems, fmt.Sprintf("%s is %v, want %d", row.count, v, want))
		}
	}
	return problems, requests
}

// Helpers for expectations.

// lkSame gives every account of lkRestricted the same expectation.
func lkSame(spec string) map[string]string {
	m := map[string]string{}
	for _, k := range strings.Fields(lkRestricted) {
		m[k] = spec
	}
	return m
}

func lkVar(name, key string) func(*acFixture, string) map[string]any {
	return func(f *acFixture, _ string) map[string]any { return map[string]any{name: f.gid(key)} }
}

func lkVars(kv ...string) func(*acFixture, string) map[string]any {
	return func(f *acFixture, _ string) map[string]any {
		m := map[string]any{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = f.gid(kv[i+1])
		}
		return m
	}
}

// lkSameField checks a stored field of a fixture row: want is its JSON, or
// the key of the row it must point to.
func lkSameField(key, field, want string) func(*acFixture) []string {
	return func(f *acFixture) []string {
		w := want
		if _, ok := f.rows[want]; ok {
			w = strconv.Itoa(f.id(want))
		}
		if got := f.field(f.id(key), field); got != w {
			return []string{fmt.Sprintf("%s.%s changed: %s, want %s", key, field, got, w)}
		}
		return nil
	}
}

func lkAll(checks ...func(*acFixture) []string) func(*acFixture) []string {
	return func(f *acFixture) []string {
		var out []string
		for _, c := range checks {
			out = append(out, c(f)...)
		}
		return out
	}
}

// lkNone checks that a refused create made nothing.
func lkNone(what string, n func(f *acFixture) (int, error)) func(*acFixture) []string {
	return func(f *acFixture) []string {
		c, err := n(f)
		f.must(err)
		if c != 0 {
			return []string{fmt.Sprintf("%d %s created", c, what)}
		}
		return nil
	}
}

// lkHidden returns, as the variable name, the first row of typ the account
// may not read.
func lkHidden(name, typ string) func(*acFixture, string) map[string]any {
	return func(f *acFixture, who string) map[string]any {
		for _, r := range f.list {
			if r.typ == typ && !r.vis[who] {
				return map[string]any{name: gid.Encode(r.id)}
			}
		}
		f.t.Fatalf("%s sees every %s", who, typ)
		return nil
	}
}

var lkDigits = regexp.MustCompile(`[0-9]+`)

// lkLikeMissing sends the request again with the variable name set to an
// id of the same type that does not exist: a hidden row must be answered
// exactly like a missing one, or the answer tells that it exists.
func lkLikeMissing(name string) func(*acFixture, string, leakRow, acReply) []string {
	return func(f *acFixture, who string, row leakRow, r acReply) []string {
		f.t.Helper()
		vars := row.vars(f, who)
		id, err := gid.Decode(vars[name].(string))
		f.must(err)
		vars[name] = gid.Encode(id>>32<<32 + 1<<31)
		m := f.as(who, row.query, vars)
		say := func(r acReply) string {
			if len(r.errors) == 0 {
				return "no error"
			}
			return r.code() + ": " + lkDigits.ReplaceAllString(r.errors[0].Message, "#")
		}
		if a, b := say(r), say(m); a != b {
			return []string{fmt.Sprintf("hidden row answered %q, missing row %q", a, b)}
		}
		return nil
	}
}

// lkRefused are the answers to a change that reaches hidden rows.
const lkRefused = "FORBIDDEN NOT_FOUND GRAPHQL_VALIDATION_FAILED"

// Edge order fields: they read related rows, so accounts limited by scope
// or clearance may not order by them. lkPlainOrders are the order fields
// of each type's own columns; together they must cover every order field
// of the schema, so a new edge order field cannot go unchecked.
var lkEdgeOrders = map[string][]string{
	"organizations":       {"PARENT_NAME", "CHILDREN_COUNT", "ISSUED_DIRECTIVES_COUNT", "ASSIGNMENTS_COUNT", "REPORTS_COUNT"},
	"persons":             {"MEMBERSHIPS_COUNT", "SIGNED_DIRECTIVES_COUNT"},
	"memberships":         {"PERSON_FULL_NAME", "ORGANIZATION_NAME"},
	"directives":          {"ISSUER_NAME", "REFERENCES_COUNT", "CITED_BY_COUNT", "RECIPIENTS_COUNT", "TASKS_COUNT", "REPORTS_COUNT"},
	"directiveReferences": {"SOURCE_ISSUE_DATE", "TARGET_ISSUE_DATE"},
	"recipients":          {"DIRECTIVE_ISSUE_DATE", "ORGANIZATION_NAME"},
	"tasks":               {"DIRECTIVE_ISSUE_DATE", "IMPLEMENTED_BY_COUNT", "ASSIGNMENTS_COUNT", "REPORTS_COUNT"},
	"taskAssignments":     {"TASK_DUE_DATE", "ORGANIZATION_NAME"},
	"reports":             {"ORGANIZATION_NAME"},
}

var lkPlainOrders = map[string]string{
	"OrganizationOrderField":       "CREATED_AT UPDATED_AT NAME SHORT_NAME ABBREVIATION SYSTEM CLASSIFICATION LEVEL LOCALITY VALID_FROM VALID_TO",
	"PersonOrderField":             "CREATED_AT UPDATED_AT FULL_NAME",
	"MembershipOrderField":         "CREATED_AT UPDATED_AT POST_TITLE ROLE START_DATE END_DATE",
	"DirectiveOrderField":          "CREATED_AT UPDATED_AT SYMBOL NUMBER TYPE_CODE DOC_TYPE SYSTEM PLACE ISSUE_DATE SUBJECT STATUS SECRECY URGENCY",
	"DirectiveReferenceOrderField": "CREATED_AT UPDATED_AT RELATION CITED_SYMBOL ORDINAL",
	"RecipientOrderField":          "CREATED_AT UPDATED_AT TEXT KIND ORDINAL",
	"TaskOrderField":               "CREATED_AT UPDATED_AT SECTION_PATH ORDINAL SUMMARY KIND DEADLINE_KIND DUE_DATE COMPLETED_AT",
	"TaskAssignmentOrderField":     "CREATED_AT UPDATED_AT ROLE PROGRESS COMPLETED_AT DUE_DATE",
	"DeadlineExtensionOrderField":  "CREATED_AT UPDATED_AT NEW_DUE_DATE GRANTED_ON",
	"ReportOrderField":             "CREATED_AT UPDATED_AT PERIOD_START PERIOD_END SUBMITTED_AT REVIEW_STATE",
	"UserOrderField":               "CREATED_AT UPDATED_AT EMAIL ROLE",
	"APITokenOrderField":           "CREATED_AT UPDATED_AT NAME EXPIRES_AT",
	"SavedQueryOrderField":         "CREATED_AT UPDATED_AT NAME",
	"AuditRecordOrderField":        "AT ENTITY_TYPE",
}

var lkOrderEnum = map[string]string{
	"organizations": "OrganizationOrderField", "persons": "PersonOrderField", "memberships": "MembershipOrderField",
	"directives": "DirectiveOrderField", "directiveReferences": "DirectiveReferenceOrderField",
	"recipients": "RecipientOrderField", "tasks": "TaskOrderField", "taskAssignments": "TaskAssignmentOrderField",
	"reports": "ReportOrderField",
}

// The fields that name each type's rows in answers, for nodes(ids).
const lkNodeFields = `id ... on Organization { name } ... on Person { fullName } ... on Membership { postTitle }
	... on Directive { symbol subject } ... on DirectiveReference { citedText } ... on Recipient { recipientText: text }
	... on Task { text } ... on TaskAssignment { progressNote } ... on DeadlineExtension { reason }
	... on Report { reportText: text } ... on User { email } ... on APIToken { name } ... on SavedQuery { name }`

var lkNodeTypes = []string{"Organization", "Person", "Membership", "Directive", "DirectiveReference", "Recipient",
	"Task", "TaskAssignment", "DeadlineExtension", "Report", "User", "APIToken", "SavedQuery"}

// leakRows are the crafted requests, reads first, then changes, the ones
// that would damage the fixture last.
func leakRows() []leakRow {
	rows := []leakRow{
		// Every root connection returns exactly the rows the account may read.
		{name: "root organizations", query: `{ c: organizations(first: 1000) { totalCount edges { node { id name parent { id name } successor { id name } } } } }`,
			typ: "Organization", want: lkSame("*"), total: "c.totalCount"},
		{name: "root persons", query: `{ c: persons(first: 1000) { totalCount edges { node { id fullName otherNames } } } }`,
			typ: "Person", want: lkSame("*"), total: "c.totalCount"},
		{name: "root memberships", query: `{ c: memberships(first: 1000) { totalCount edges { node { id postTitle person { id fullName } organization { id name } } } } }`,
			typ: "Membership", want: lkSame("*"), total: "c.totalCount"},
		{name: "root directives", query: `{ c: directives(first: 1000) { totalCount edges { node { id symbol subject secrecy issuer { id name } actingBody { id name } signer { id fullName } } } } }`,
			typ: "Directive", want: lkSame("*"), total: "c.totalCount"},
		{name: "root directiveReferences", query: `{ c: directiveReferences(first: 1000) { totalCount edges { node { id citedText citedSymbol source { id symbol } target { id symbol } } } } }`,
			typ: "DirectiveReference", want: lkSame("*"), total: "c.totalCount"},
		{name: "root recipients", query: `{ c: recipients(first: 1000) { totalCount edges { node { id text directive { id symbol } organization { id name } } } } }`,
			typ: "Recipient", want: lkSame("*"), total: "c.totalCount"},
		{name: "root tasks", query: `{ c: tasks(first: 1000) { totalCount edges { node { id text directive { id symbol } parent { id text } implements { id text } } } } }`,
			typ: "Task", want: lkSame("*"), total: "c.totalCount"},
		{name: "root taskAssignments", query: `{ c: taskAssignments(first: 1000) { totalCount edges { node { id progressNote task { id text } organization { id name } } } } }`,
			typ: "TaskAssignment", want: lkSame("*"), total: "c.totalCount"},
		{name: "root deadlineExtensions", query: `{ c: deadlineExtensions(first: 1000) { totalCount edges { node { id reason assignment { id progressNote } } } } }`,
			typ: "DeadlineExtension", want: lkSame("*"), total: "c.totalCount"},
		{name: "root reports", query: `{ c: reports(first: 1000) { totalCount edges { node { id text figures reviewNote organization { id name } directive { id symbol } task { id text } assignment { id progressNote } } } } }`,
			typ: "Report", want: lkSame("*"), total: "c.totalCount"},
		{name: "root users", query: `{ c: users(first: 1000) { totalCount edges { node { id email scope { id name } } } } }`,
			typ: "User", want: lkSame("*"), total: "c.totalCount"},
		{name: "root apiTokens", query: `{ c: apiTokens(first: 1000) { totalCount edges { node { id name user { id email } } } } }`,
			typ: "APIToken", want: lkSame("*"), total: "c.totalCount"},
		{name: "root savedQueries", query: `{ c: savedQueries(first: 1000) { totalCount edges { node { id name document } } } }`,
			typ: "SavedQuery", want: lkSame("*"), total: "c.totalCount"},
		{name: "root auditRecords", query: `{ c: auditRecords(first: 1000) { totalCount edges { node { id actor entityID before after } } } }`,
			codes: "FORBIDDEN"},

		// Edges from visible rows toward hidden ones.
		{name: "edge directive.references → target", query: `{ c: directives(first: 100) { edges { node { id symbol references(first: 100) { totalCount edges { node { id citedText target { id symbol subject issuer { id name } tasks(first: 10) { edges { node { id text } } } } } } } } } } }`},
		{name: "edge directive.citedBy → source", query: `{ c: directives(first: 100) { edges { node { id symbol citedBy(first: 100) { totalCount edges { node { id citedText source { id symbol subject secrecy } } } } } } } }`},
		{name: "edge directive.recipients → organization", query: `{ c: directives(first: 100) { edges { node { id symbol recipients(first: 100) { totalCount edges { node { id text organization { id name parent { id name } } } } } } } } }`},
		{name: "edge directive.tasks → assignments → organization, extensions, reports", query: `{ c: directives(first: 20) { edges { node { id symbol tasks(first: 20) { totalCount edges { node { id text assignments(first: 100) { totalCount edges { node { id progressNote organization { id name } extensions(first: 10) { edges { node { id reason } } } reports(first: 10) { edges { node { id text } } } } } } } } } } } } }`},
		{name: "edge directive.reports, issuer, actingBody, signer", query: `{ c: directives(first: 100) { edges { node { id symbol reports(first: 100) { totalCount edges { node { id text organization { id name } task { id text } assignment { id progressNote } } } } issuer { id name parent { id name } } actingBody { id name } signer { id fullName memberships(first: 10) { totalCount edges { node { id postTitle organization { id name } } } } signedDirectives(first: 10) { totalCount edges { node { id symbol } } } } } } } }`},
		{name: "edge organization.* (parent, children, successor, predecessors, memberships, issued, acted, received, assignments, reports)", query: `{ c: organizations(first: 300) { edges { node { id name parent { id name } successor { id name } children(first: 200) { totalCount edges { node { id name } } } predecessors(first: 10) { edges { node { id name } } } memberships(first: 10) { totalCount edges { node { id postTitle person { id fullName } } } } issuedDirectives(first: 10) { totalCount edges { node { id symbol } } } actedDirectives(first: 10) { edges { node { id symbol } } } received(first: 10) { totalCount edges { node { id text directive { id symbol } } } } assignments(first: 10) { totalCount edges { node { id progressNote task { id text } } } } reports(first: 10) { totalCount edges { node { id text } } } } } } }`},
		{name: "edge person.memberships, signedDirectives", query: `{ c: persons(first: 100) { edges { node { id fullName memberships(first: 10) { totalCount edges { node { id postTitle organization { id name } } } } signedDirectives(first: 10) { totalCount edges { node { id symbol } } } } } } }`},
		{name: "edge membership.person.memberships, organization.parent", query: `{ c: memberships(first: 100) { edges { node { id postTitle person { id fullName memberships(first: 10) { edges { node { id postTitle organization { id name } } } } } organization { id name parent { id name } } } } } }`},
		{name: "edge task.* (directive, parent, children, implements, implementedBy, assignments, reports)", query: `{ c: tasks(first: 100) { edges { node { id text directive { id symbol } parent { id text } children(first: 10) { edges { node { id text } } } implements { id text } implementedBy(first: 10) { totalCount edges { node { id text directive { id symbol } } } } assignments(first: 10) { totalCount edges { node { id progressNote } } } reports(first: 10) { totalCount edges { node { id text } } } } } } }`},
		{name: "edge assignment.task, organization, extensions, reports", query: `{ c: taskAssignments(first: 300) { edges { node { id progressNote task { id text directive { id symbol } } organization { id name parent { id name } } extensions(first: 10) { edges { node { id reason } } } reports(first: 10) { edges { node { id text } } } } } } }`},
		{name: "edge report.organization, task, directive, assignment", query: `{ c: reports(first: 100) { edges { node { id text organization { id name } task { id text directive { id symbol } } directive { id symbol references(first: 10) { edges { node { id target { id symbol } } } } } assignment { id progressNote organization { id name } } } } } }`},
		{name: "edge extension.assignment.task.directive", query: `{ c: deadlineExtensions(first: 100) { edges { node { id reason assignment { id progressNote task { id text directive { id symbol } } organization { id name } } } } } }`},
		{name: "edge reference.source, target", query: `{ c: directiveReferences(first: 100) { edges { node { id citedText source { id symbol citedBy(first: 10) { edges { node { id citedText source { id symbol } } } } } target { id symbol tasks(first: 10) { edges { node { id text } } } recipients(first: 10) { edges { node { id text } } } } } } } }`},
		{name: "edge recipient.directive, organization", query: `{ c: recipients(first: 100) { edges { node { id text directive { id symbol tasks(first: 10) { edges { node { id text } } } } organization { id name received(first: 10) { edges { node { id text } } } } } } } }`},
		{name: "edge me.scope, tokens, savedQueries", query: `{ me { id email scope { id name parent { id name } children(first: 200) { totalCount } } tokens(first: 10) { totalCount edges { node { id name } } } savedQueries(first: 10) { totalCount edges { node { id name } } } } }`},
		{name: "edge savedQuery.embedTokens", codes: "ok NOT_FOUND", query: `{ c: savedQueries(first: 100) { edges { node { id name embedTokens { id name } } } } }`},
		{name: "edge apiToken.user, savedQuery", query: `{ c: apiTokens(first: 100) { edges { node { id name user { id email } savedQuery { id name } } } } }`},

		// node and nodes with hidden ids (taken as the system).
		{name: "nodes(every hidden id)", query: `query($ids: [ID!]!) { nodes(ids: $ids) { ` + lkNodeFields + ` } }`, codes: "ok NOT_FOUND",
			vars: func(f *acFixture, who string) map[string]any {
				var ids []string
				for _, r := range f.list {
					if !r.vis[who] && r.typ != "AuditRecord" {
						ids = append(ids, gid.Encode(r.id))
					}
				}
				return map[string]any{"ids": ids}
			},
			verify: func(f *acFixture, who string, _ leakRow, r acReply) []string {
				list, _ := r.data["nodes"].([]any)
				for _, n := range list {
					if n != nil {
						return []string{fmt.Sprintf("nodes returned %v", n)}
					}
				}
				return nil
			}},
		{name: "node(a hidden id of each type)", query: func() string {
			var b strings.Builder
			b.WriteString("query(")
			for i := range lkNodeTypes {
				fmt.Fprintf(&b, "$i%d: ID!, ", i)
			}
			b.WriteString(") {")
			for i := range lkNodeTypes {
				fmt.Fprintf(&b, " n%d: node(id: $i%d) { %s }", i, i, lkNodeFields)
			}
			return b.String() + " }"
		}(), codes: "ok NOT_FOUND",
			vars: func(f *acFixture, who string) map[string]any {
				m := map[string]any{}
				for i, typ := range lkNodeTypes {
					for _, r := range f.list {
						if r.typ != typ {
							continue
						}
						// No hidden row of the type: an id that does not
						// exist must look the same.
						m[fmt.Sprintf("i%d", i)] = gid.Encode(r.id>>32<<32 + 1<<31)
						break
					}
					for _, r := range f.list {
						if r.typ == typ && !r.vis[who] {
							m[fmt.Sprintf("i%d", i)] = gid.Encode(r.id)
							break
						}
					}
				}
				return m
			},
			verify: func(f *acFixture, who string, _ leakRow, r acReply) []string {
				for k, n := range r.data {
					if n != nil {
						return []string{fmt.Sprintf("%s returned %v", k, n)}
					}
				}
				return nil
			}},
		{name: "node(an audit record)", query: `query($id: ID!) { node(id: $id) { id ... on AuditRecord { actor before after } } }`, vars: lkVar("id", "AR0"), codes: "FORBIDDEN"},

		// Edge filters that could only match hidden rows match nothing, and
		// a hidden related row never makes a visible row match.
		{name: "filter directives hasReferencesWith a hidden target", query: `{ c: directives(first: 100, where: {hasReferencesWith: [{hasTargetWith: [{symbol: "[D_BP]"}]}]}) { totalCount edges { node { id symbol } } } }`,
			typ: "Directive", total: "c.totalCount", want: map[string]string{"vA": "", "edA": "", "rep": "", "vN": "D_AP", "an": "D_AP D_AM"}},
		{name: "filter directives hasRecipientsWith a hidden organisation", query: `{ c: directives(first: 100, where: {hasRecipientsWith: [{hasOrganizationWith: [{nameContains: "[O_B1]"}]}]}) { totalCount edges { node { id symbol } } } }`,
			typ: "Directive", total: "c.totalCount", want: map[string]string{"vA": "", "edA": "", "rep": "", "vN": "D_AP D_BP", "an": "D_AP D_BP"}},
		{name: "filter organizations hasIssuedDirectivesWith secret", query: `{ c: organizations(first: 1000, where: {hasIssuedDirectivesWith: [{secrecyIn: [MAT, TOI_MAT, TUYET_MAT]}]}) { totalCount edges { node { id name } } } }`,
			typ: "Organization", total: "c.totalCount", want: map[string]string{"vA": "O_A O_A2", "edA": "O_A2", "rep": "", "vN": "", "an": "O_A2 O_B O_ROOT"}},
		{name: "filter organizations hasAssignmentsWith a secret directive's task", query: `{ c: organizations(first: 1000, where: {hasAssignmentsWith: [{hasTaskWith: [{hasDirectiveWith: [{secrecyNEQ: NONE}]}]}]}) { totalCount edges { node { id name } } } }`,
			typ: "Organization", total: "c.totalCount", want: map[string]string{"vA": "O_A1 O_A", "edA": "O_A1 O_A", "rep": "", "vN": "", "an": "O_A1 O_B1 O_A"}},
		{name: "filter persons hasMembershipsWith a hidden organisation", query: `{ c: persons(first: 100, where: {hasMembershipsWith: [{hasOrganizationWith: [{nameContains: "[O_B]"}]}]}) { totalCount edges { node { id fullName } } } }`,
			typ: "Person", total: "c.totalCount", want: map[string]string{"vA": "", "edA": "", "rep": "", "vN": "P_AB", "an": "P_AB"}},
		{name: "filter persons hasSignedDirectivesWith a secret directive", query: `{ c: persons(first: 100, where: {hasSignedDirectivesWith: [{symbol: "[D_BM]"}]}) { totalCount edges { node { id fullName } } } }`,
			typ: "Person", total: "c.totalCount", want: map[string]string{"vA": "", "edA": "", "rep": "", "vN": "", "an": "P_AB"}},
		{name: "filter directives or(hidden symbol, cited by a hidden directive)", query: `{ c: directives(first: 100, where: {or: [{symbol: "[D_BP]"}, {hasCitedByWith: [{hasSourceWith: [{symbol: "[D_BM]"}]}]}]}) { totalCount edges { node { id symbol } } } }`,
			typ: "Directive", total: "c.totalCount", want: map[string]string{"vA": "", "edA": "", "rep": "", "vN": "D_BP", "an": "D_BP D_AP"}},
		{name: "filter directives not(cited by a MAT directive)", query: `{ c: directives(first: 100, where: {not: {hasCitedByWith: [{hasSourceWith: [{secrecy: MAT}]}]}}) { totalCount edges { node { id symbol } } } }`,
			typ: "Directive", total: "c.totalCount", want: map[string]string{"vA": "*", "edA": "*", "rep": "*", "vN": "*", "an": "* -D_BP -D_AP"}},
		{name: "filter directives secrecy MAT", query: `{ c: directives(first: 100, where: {secrecy: MAT}) { totalCount edges { node { id symbol } } } }`,
			typ: "Directive", total: "c.totalCount", want: map[string]string{"vA": "D_AM D_RM", "edA": "D_AM D_RM", "rep": "", "vN": "", "an": "D_AM D_BM D_RM"}},
		{name: "filter directives secrecyIn TOI_MAT, TUYET_MAT", query: `{ c: directives(first: 100, where: {secrecyIn: [TOI_MAT, TUYET_MAT]}) { totalCount edges { node { id symbol } } } }`,
			typ: "Directive", total: "c.totalCount", want: map[string]string{"vA": "D_AT", "edA": "", "rep": "", "vN": "", "an": ""}},
		{name: "filter tasks hasDirectiveWith secrecy MAT", query: `{ c: tasks(first: 100, where: {hasDirectiveWith: [{secrecy: MAT}]}) { totalCount edges { node { id text } } } }`,
			typ: "Task", total: "c.totalCount", want: map[string]string{"vA": "T_AM T_RM", "edA": "T_AM T_RM", "rep": "", "vN": "", "an": "T_AM T_BM T_RM"}},
		{name: "filter reports hasDirectiveWith secret", query: `{ c: reports(first: 100, where: {hasDirectiveWith: [{secrecyNEQ: NONE}]}) { totalCount edges { node { id text } } } }`,
			typ: "Report", total: "c.totalCount", want: map[string]string{"vA": "RP2 RP3 RP9", "edA": "RP2 RP9", "rep": "", "vN": "", "an": "RP2 RP9"}},
		{name: "filter taskAssignments hasTaskWith a TOI_MAT directive", query: `{ c: taskAssignments(first: 100, where: {hasTaskWith: [{hasDirectiveWith: [{secrecy: TOI_MAT}]}]}) { totalCount edges { node { id progressNote } } } }`,
			typ: "TaskAssignment", total: "c.totalCount", want: map[string]string{"vA": "AS6", "edA": "", "rep": "", "vN": "", "an": ""}},
		{name: "filter taskAssignments hasOrganizationWith a hidden organisation", query: `{ c: taskAssignments(first: 1000, where: {hasOrganizationWith: [{nameContains: "[O_B"}]}) { totalCount edges { node { id progressNote } } } }`,
			typ: "TaskAssignment", total: "c.totalCount", want: map[string]string{"vA": "", "edA": "", "rep": "", "vN": "AS2 AS3 AS7 AS10 ASB*", "an": "AS2 AS3 AS7 AS8 AS10 ASB*"}},

		// Existence filters (hasX: true) must not count hidden related rows.
		{name: "has directives hasCitedBy", query: `{ c: directives(first: 100, where: {hasCitedByWith: [{}]}) { totalCount edges { node { id symbol } } } }`,
			typ: "Directive", total: "c.totalCount", want: map[string]string{"vA": "D_AM D_AP", "edA": "D_AM", "rep": "", "vN": "D_BP D_AP D_REF", "an": "D_BP D_AM D_AP D_REF"}},
		{name: "has directives hasReports", query: `{ c: directives(first: 100, where: {hasReportsWith: [{}]}) { totalCount edges { node { id symbol } } } }`,
			typ: "Directive", total: "c.totalCount", want: map[string]string{"vA": "D_AP D_AM D_AT", "edA": "D_AP D_AM", "rep": "D_AP", "vN": "D_AP D_BP D_RP", "an": "D_AP D_AM D_BP D_RP"}},
		{name: "has organizations hasReports", query: `{ c: organizations(first: 1000, where: {hasReportsWith: [{}]}) { totalCount edges { node { id name } } } }`,
			typ: "Organization", total: "c.totalCount", want: map[string]string{"vA": "O_A1 O_A2", "edA": "O_A1 O_A2", "rep": "O_A1", "vN": "O_A1 O_B1", "an": "O_A1 O_A2 O_B1"}},
		{name: "has organizations hasIssuedDirectives", query: `{ c: organizations(first: 1000, where: {hasIssuedDirectivesWith: [{}]}) { totalCount edges { node { id name } } } }`,
			typ: "Organization", total: "c.totalCount", want: map[string]string{"vA": "O_A O_A2", "edA": "O_A O_A2", "rep": "", "vN": "O_ROOT O_A O_B", "an": "O_ROOT O_A O_A2 O_B"}},
		{name: "has organizations hasParent", query: `{ c: organizations(first: 1000, where: {hasParentWith: [{}]}) { totalCount edges { node { id name } } } }`,
			typ: "Organization", total: "c.totalCount", want: map[string]string{"vA": "* -O_A", "edA": "* -O_A", "rep": "* -O_A1", "vN": "* -O_ROOT", "an": "* -O_ROOT"}},
		{name: "has persons hasSignedDirectives", query: `{ c: persons(first: 100, where: {hasSignedDirectivesWith: [{}]}) { totalCount edges { node { id fullName } } } }`,
			typ: "Person", total: "c.totalCount", want: map[string]string{"vA": "P_A", "edA": "P_A", "rep": "P_A", "vN": "P_ROOT P_A P_B", "an": "P_ROOT P_A P_B P_AB"}},
		{name: "has tasks hasImplementedBy", query: `{ c: tasks(first: 100, where: {hasImplementedByWith: [{}]}) { totalCount edges { node { id text } } } }`,
			typ: "Task", total: "c.totalCount", want: map[string]string{"vA": "", "edA": "", "rep": "", "vN": "", "an": "T_AP1"}},
		{name: "has tasks hasAssignments", query: `{ c: tasks(first: 100, where: {hasAssignmentsWith: [{}]}) { totalCount edges { node { id text } } } }`,
			typ: "Task", total: "c.totalCount", want: map[string]string{"vA": "T_RP1 T_AP1 T_AP2 T_AM T_AT T_RM", "edA": "T_RP1 T_AP1 T_AP2 T_AM T_RM", "rep": "T_RP1 T_AP1 T_AP2",
				"vN": "T_RP1 T_RP2 T_AP1 T_AP2 T_BP T_DEL", "an": "T_RP1 T_RP2 T_AP1 T_AP2 T_AM T_BP T_BM T_RM T_DEL"}},
		{name: "has directiveReferences hasTarget", query: `{ c: directiveReferences(first: 100, where: {hasTargetWith: [{}]}) { totalCount edges { node { id citedText } } } }`,
			typ: "DirectiveReference", total: "c.totalCount", want: map[string]string{"vA": "RF2 RF8", "edA": "RF2", "rep": "", "vN": "RF1 RF4 RF6", "an": "RF1 RF2 RF3 RF4 RF5 RF6"}},
		{name: "has recipients hasOrganization", query: `{ c: recipients(first: 100, where: {hasOrganizationWith: [{}]}) { totalCount edges { node { id text } } } }`,
			typ: "Recipient", total: "c.totalCount", want: map[string]string{"vA": "RC1 RC3 RC5 RC6 RC9 RC10", "edA": "RC1 RC3 RC5 RC9 RC10", "rep": "RC3",
				"vN": "RC1 RC2 RC3 RC4 RC7 RC10 RC11", "an": "RC1 RC2 RC3 RC4 RC5 RC7 RC9 RC10 RC11"}},

		// Counts of related rows count only rows the account may read.
		{name: "count D_AP.citedBy", query: `query($id: ID!) { node(id: $id) { ... on Directive { citedBy(first: 100) { totalCount edges { node { id source { id symbol } } } } } } }`,
			vars: lkVar("id", "D_AP"), count: "node.citedBy.totalCount", counts: map[string]int{"vA": 1, "edA": 0, "rep": 0, "vN": 1, "an": 2}},
		{name: "count D_AP.references, recipients, tasks", query: `query($id: ID!) { node(id: $id) { ... on Directive { references { totalCount } recipients { totalCount } t: tasks { totalCount } } } }`,
			vars: lkVar("id", "D_AP"), count: "node.references.totalCount", counts: map[string]int{"vA": 2, "edA": 2, "rep": 2, "vN": 2, "an": 2}},
		{name: "count D_RP.reports", query: `query($id: ID!) { node(id: $id) { ... on Directive { reports(first: 100) { totalCount edges { node { id text } } } } } }`,
			vars: lkVar("id", "D_RP"), count: "node.reports.totalCount", counts: map[string]int{"vA": 0, "edA": 0, "rep": 0, "vN": 1, "an": 1}},
		{name: "count A1.assignments", query: `query($id: ID!) { node(id: $id) { ... on Organization { assignments(first: 100) { totalCount edges { node { id progressNote } } } } } }`,
			vars: lkVar("id", "O_A1"), count: "node.assignments.totalCount", counts: map[string]int{"vA": 4, "edA": 3, "rep": 2, "vN": 2, "an": 3}},
		{name: "count A1.received", query: `query($id: ID!) { node(id: $id) { ... on Organization { received(first: 100) { totalCount edges { node { id text } } } } } }`,
			vars: lkVar("id", "O_A1"), count: "node.received.totalCount", counts: map[string]int{"vA": 3, "edA": 2, "rep": 1, "vN": 1, "an": 2}},
		{name: "count A1.reports", query: `query($id: ID!) { node(id: $id) { ... on Organization { reports(first: 100) { totalCount edges { node { id text } } } } } }`,
			vars: lkVar("id", "O_A1"), count: "node.reports.totalCount", counts: map[string]int{"vA": 4, "edA": 3, "rep": 2, "vN": 2, "an": 3}},
		{name: "count A.issuedDirectives", query: `query($id: ID!) { node(id: $id) { ... on Organization { issuedDirectives(first: 100) { totalCount edges { node { id symbol } } } } } }`,
			vars: lkVar("id", "O_A"), codes: "ok NOT_FOUND", count: "node.issuedDirectives.totalCount", counts: map[string]int{"vA": 2, "edA": 1, "rep": -1, "vN": 1, "an": 1}},
		{name: "count A.children", query: `query($id: ID!) { node(id: $id) { ... on Organization { children(first: 100) { totalCount edges { node { id name } } } } } }`,
			vars: lkVar("id", "O_A"), codes: "ok NOT_FOUND", count: "node.children.totalCount", counts: map[string]int{"vA": 2, "edA": 2, "rep": -1, "vN": 2, "an": 2}},
		{name: "count P_AB.memberships", query: `query($id: ID!) { node(id: $id) { ... on Person { memberships(first: 100) { totalCount edges { node { id postTitle } } } } } }`,
			vars: lkVar("id", "P_AB"), codes: "ok NOT_FOUND", count: "node.memberships.totalCount", counts: map[string]int{"vA": 1, "edA": 1, "rep": -1, "vN": 2, "an": 2}},
		{name: "count P_AB.signedDirectives", query: `query($id: ID!) { node(id: $id) { ... on Person { signedDirectives(first: 100) { totalCount edges { node { id symbol } } } } } }`,
			vars: lkVar("id", "P_AB"), codes: "ok NOT_FOUND", count: "node.signedDirectives.totalCount", counts: map[string]int{"vA": 0, "edA": 0, "rep": -1, "vN": 0, "an": 1}},
		{name: "count T_RP1.assignments", query: `query($id: ID!) { node(id: $id) { ... on Task { assignments(first: 100) { totalCount edges { node { id progressNote } } } } } }`,
			vars: lkVar("id", "T_RP1"), count: "node.assignments.totalCount", counts: map[string]int{"vA": 1, "edA": 1, "rep": 1, "vN": 2, "an": 2}},
		{name: "count T_AP1.implementedBy", query: `query($id: ID!) { node(id: $id) { ... on Task { implementedBy(first: 100) { totalCount edges { node { id text } } } } } }`,
			vars: lkVar("id", "T_AP1"), count: "node.implementedBy.totalCount", counts: map[string]int{"vA": 0, "edA": 0, "rep": 0, "vN": 0, "an": 1}},
		{name: "count T_AP1.assignments", query: `query($id: ID!) { node(id: $id) { ... on Task { assignments(first: 0) { totalCount } } } }`,
			vars: lkVar("id", "T_AP1"), count: "node.assignments.totalCount", counts: map[string]int{"vA": 125, "edA": 125, "rep": 125, "vN": 137, "an": 137}},

		// Pages past 100 related rows hold only readable rows, each once.
		{name: "page T_AP1.assignments past 100", query: `query($id: ID!, $after: Cursor) { node(id: $id) { ... on Task { assignments(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id progressNote organization { id name } } } } } } }`,
			vars: lkVar("id", "T_AP1"), pages: "node.assignments", typ: "TaskAssignment",
			want: map[string]string{"vA": "ASA* ASC*", "edA": "ASA* ASC*", "rep": "ASA* ASC*", "vN": "ASA* ASB* ASC*", "an": "ASA* ASB* ASC*"}},
		{name: "page A1.children past 100", query: `query($id: ID!, $after: Cursor) { node(id: $id) { ... on Organization { children(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name } } } } } }`,
			vars: lkVar("id", "O_A1"), pages: "node.children", typ: "Organization", want: lkSame("O_AC*")},
		{name: "page root taskAssignments", query: `query($after: Cursor) { c: taskAssignments(first: 100, after: $after, orderBy: {field: PROGRESS}) { totalCount pageInfo { hasNextPage endCursor } edges { node { id progressNote } } } }`,
			pages: "c", typ: "TaskAssignment", want: lkSame("*")},
		{name: "page root organizations", query: `query($after: Cursor) { c: organizations(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name } } } }`,
			pages: "c", typ: "Organization", want: lkSame("*")},
	}

	// Ordering by an edge field or count is refused to restricted accounts.
	roots := make([]string, 0, len(lkEdgeOrders))
	for r := range lkEdgeOrders {
		roots = append(roots, r)
	}
	sort.Strings(roots)
	for _, root := range roots {
		for _, field := range lkEdgeOrders[root] {
			rows = append(rows, leakRow{name: "order " + root + " by " + field, codes: "FORBIDDEN",
				query: fmt.Sprintf(`{ c: %s(first: 100, orderBy: {field: %s}) { edges { node { id } } } }`, root, field)})
		}
	}
	rows = append(rows,
		leakRow{name: "order nested children by CHILDREN_COUNT", codes: "FORBIDDEN", vars: lkVar("id", "O_A1"),
			query: `query($id: ID!) { node(id: $id) { ... on Organization { children(first: 10, orderBy: {field: CHILDREN_COUNT, direction: DESC}) { edges { node { id } } } } } }`},
		leakRow{name: "order deeply nested assignments by ORGANIZATION_NAME", codes: "FORBIDDEN",
			query: `{ directives(first: 5) { edges { node { tasks(first: 5) { edges { node { assignments(first: 5, orderBy: {field: ORGANIZATION_NAME}) { totalCount } } } } } } } }`},
		leakRow{name: "order by a variable CITED_BY_COUNT", codes: "FORBIDDEN",
			vars: func(*acFixture, string) map[string]any {
				return map[string]any{"o": []any{map[string]any{"field": "CITED_BY_COUNT", "direction": "DESC"}}}
			},
			query: `query($o: [DirectiveOrder!]) { directives(first: 10, orderBy: $o) { edges { node { id } } } }`},
		leakRow{name: "order by a single-object variable REPORTS_COUNT", codes: "FORBIDDEN",
			vars: func(*acFixture, string) map[string]any {
				return map[string]any{"o": map[string]any{"field": "REPORTS_COUNT"}}
			},
			query: `query($o: [DirectiveOrder!]) { directives(first: 10, orderBy: $o) { edges { node { id } } } }`},
		leakRow{name: "order in a named fragment TASKS_COUNT", codes: "FORBIDDEN",
			query: `query { ...F } fragment F on Query { directives(first: 10, orderBy: {field: TASKS_COUNT}) { totalCount } }`},
		leakRow{name: "order in a fragment used twice", codes: "FORBIDDEN",
			query: `query { a: organizations(first: 1) { edges { node { ...O } } } b: organizations(first: 1) { edges { node { ...O } } } } fragment O on Organization { children(first: 5, orderBy: {field: ASSIGNMENTS_COUNT}) { totalCount } }`},
		leakRow{name: "order by a list with an edge field second", codes: "FORBIDDEN",
			query: `{ directives(first: 10, orderBy: [{field: SYMBOL}, {field: RECIPIENTS_COUNT}]) { edges { node { id } } } }`},
		leakRow{name: "order by own fields still works", query: `{ directives(first: 10, orderBy: [{field: SECRECY}, {field: SYMBOL}]) { edges { node { id symbol } } } }`},
		leakRow{name: "order by edge fields works for the unrestricted editor", who: "editor",
			query: `{ taskAssignments(first: 10, orderBy: [{field: ORGANIZATION_NAME}, {field: TASK_DUE_DATE}]) { edges { node { id } } } }`},
		leakRow{name: "order fields are all classified", who: "admin",
			query: func() string {
				var b strings.Builder
				b.WriteString("{")
				for typ := range lkPlainOrders {
					fmt.Fprintf(&b, " %s: __type(name: %q) { enumValues { name } }", typ, typ)
				}
				return b.String() + " }"
			}(),
			verify: func(f *acFixture, _ string, _ leakRow, r acReply) []string {
				var out []string
				for typ, plain := range lkPlainOrders {
					known := map[string]bool{}
					for _, v := range strings.Fields(plain) {
						known[v] = true
					}
					for root, enum := range lkOrderEnum {
						if enum == typ {
							for _, v := range lkEdgeOrders[root] {
								known[v] = true
							}
						}
					}
					vals, _ := lkPath(r.data, typ+".enumValues").([]any)
					if len(vals) == 0 {
						out = append(out, typ+": no enum values")
					}
					for _, v := range vals {
						name, _ := lkPath(v, "name").(string)
						if !known[name] {
							out = append(out, fmt.Sprintf("%s.%s is neither an own field nor a listed edge field", typ, name))
						}
					}
				}
				return out
			}},
	)

	// Foreign-key fields of visible rows must not carry ids of hidden rows.
	rows = append(rows,
		leakRow{name: "fk directiveReferences.targetID", codes: "GRAPHQL_VALIDATION_FAILED", query: `{ c: directiveReferences(first: 100) { edges { node { id sourceID targetID } } } }`},
		leakRow{name: "fk organizations.parentID, successorID, path", codes: "GRAPHQL_VALIDATION_FAILED", query: `{ c: organizations(first: 1000) { edges { node { id parentID successorID path } } } }`},
		leakRow{name: "fk directives.issuerID, actingBodyID, signerID", codes: "GRAPHQL_VALIDATION_FAILED", query: `{ c: directives(first: 100) { edges { node { id issuerID actingBodyID signerID } } } }`},
		leakRow{name: "fk recipients.organizationID", codes: "GRAPHQL_VALIDATION_FAILED", query: `{ c: recipients(first: 100) { edges { node { id directiveID organizationID } } } }`},
		leakRow{name: "fk tasks.parentID, implementsID", codes: "GRAPHQL_VALIDATION_FAILED", query: `{ c: tasks(first: 100) { edges { node { id directiveID parentID implementsID } } } }`},
		leakRow{name: "fk reports.organizationID, taskID, directiveID, assignmentID", codes: "GRAPHQL_VALIDATION_FAILED", query: `{ c: reports(first: 100) { edges { node { id organizationID taskID directiveID assignmentID } } } }`},
		leakRow{name: "fk memberships, assignments, extensions", codes: "GRAPHQL_VALIDATION_FAILED", query: `{ m: memberships(first: 100) { edges { node { id personID organizationID } } } a: taskAssignments(first: 300) { edges { node { id taskID organizationID } } } x: deadlineExtensions(first: 100) { edges { node { id assignmentID } } } }`},
		leakRow{name: "fk savedQueries.ownerID, apiTokens.userID, me.scopeID", codes: "GRAPHQL_VALIDATION_FAILED", query: `{ s: savedQueries(first: 100) { edges { node { id ownerID } } } t: apiTokens(first: 100) { edges { node { id userID savedQueryID } } } me { id scopeID } }`},
	)

	// Changes that would attach visible rows to hidden ones, or reach
	// hidden rows through visible ones, are refused and change nothing.
	none := lkNone
	rows = append(rows,
		leakRow{name: "mutation createTask under a hidden directive", who: "edA", codes: lkRefused, vars: lkVar("d", "D_BP"),
			query: `mutation($d: ID!) { createTask(input: {directiveID: $d, sectionPath: "9", text: "leak-m1"}) { id directive { id symbol } } }`,
			check: none("tasks", func(f *acFixture) (int, error) { return f.c.Task.Query().Where(task.Text("leak-m1")).Count(f.ctx) })},
		leakRow{name: "mutation createTask under a secret directive", who: "edA", codes: lkRefused, vars: lkVar("d", "D_AT"),
			query: `mutation($d: ID!) { createTask(input: {directiveID: $d, sectionPath: "9", text: "leak-m1b"}) { id directive { id symbol } } }`,
			check: none("tasks", func(f *acFixture) (int, error) { return f.c.Task.Query().Where(task.Text("leak-m1b")).Count(f.ctx) })},
		leakRow{name: "mutation createDirectiveReference to a hidden directive", who: "edA", codes: lkRefused, vars: lkVars("s", "D_AP", "t", "D_BP"),
			query: `mutation($s: ID!, $t: ID!) { createDirectiveReference(input: {sourceID: $s, targetID: $t, citedText: "leak-m2"}) { id target { id symbol } } }`,
			check: none("references", func(f *acFixture) (int, error) {
				return f.c.DirectiveReference.Query().Where(directivereference.CitedText("leak-m2")).Count(f.ctx)
			})},
		leakRow{name: "mutation createDirectiveReference to a secret directive", who: "edA", codes: lkRefused, vars: lkVars("s", "D_AP", "t", "D_AT"),
			query: `mutation($s: ID!, $t: ID!) { createDirectiveReference(input: {sourceID: $s, targetID: $t, citedText: "leak-m3"}) { id target { id symbol } } }`,
			check: none("references", func(f *acFixture) (int, error) {
				return f.c.DirectiveReference.Query().Where(directivereference.CitedText("leak-m3")).Count(f.ctx)
			})},
		leakRow{name: "mutation createReport for a hidden organisation", who: "rep", codes: lkRefused, vars: lkVar("o", "O_B1"),
			query: `mutation($o: ID!) { createReport(input: {organizationID: $o, text: "leak-m4"}) { id organization { id name } } }`,
			check: none("reports", func(f *acFixture) (int, error) { return f.c.Report.Query().Where(report.Text("leak-m4")).Count(f.ctx) })},
		leakRow{name: "mutation createReport about a secret directive", who: "rep", codes: lkRefused, vars: lkVars("o", "O_A1", "d", "D_AM"),
			query: `mutation($o: ID!, $d: ID!) { createReport(input: {organizationID: $o, directiveID: $d, text: "leak-m5"}) { id directive { id symbol } } }`,
			check: none("reports", func(f *acFixture) (int, error) { return f.c.Report.Query().Where(report.Text("leak-m5")).Count(f.ctx) })},
		leakRow{name: "mutation createReport on a hidden assignment", who: "rep", codes: lkRefused, vars: lkVars("o", "O_A1", "a", "AS2"),
			query: `mutation($o: ID!, $a: ID!) { createReport(input: {organizationID: $o, assignmentID: $a, text: "leak-m6"}) { id assignment { id progressNote } } }`,
			check: none("reports", func(f *acFixture) (int, error) { return f.c.Report.Query().Where(report.Text("leak-m6")).Count(f.ctx) })},
		leakRow{name: "mutation createReport on a hidden task", who: "rep", codes: lkRefused, vars: lkVars("o", "O_A1", "t", "T_BP"),
			query: `mutation($o: ID!, $t: ID!) { createReport(input: {organizationID: $o, taskID: $t, text: "leak-m7"}) { id task { id text } } }`,
			check: none("reports", func(f *acFixture) (int, error) { return f.c.Report.Query().Where(report.Text("leak-m7")).Count(f.ctx) })},
		leakRow{name: "mutation updateReport moves it to a hidden organisation", who: "rep", codes: lkRefused, vars: lkVars("id", "RP1", "o", "O_B1"),
			query: `mutation($id: ID!, $o: ID!) { updateReport(id: $id, input: {organizationID: $o}) { id organization { id name } } }`,
			check: lkSameField("RP1", "organization_id", "O_A1")},
		leakRow{name: "mutation createTaskAssignment to a hidden organisation", who: "edA", codes: lkRefused, vars: lkVars("t", "T_AP2", "o", "O_B1"),
			query: `mutation($t: ID!, $o: ID!) { createTaskAssignment(input: {taskID: $t, organizationID: $o, role: SUPPORTER, progressNote: "leak-m8"}) { id organization { id name } } }`,
			check: none("assignments", func(f *acFixture) (int, error) {
				return f.c.TaskAssignment.Query().Where(taskassignment.ProgressNote("leak-m8")).Count(f.ctx)
			})},
		leakRow{name: "mutation updateTaskAssignment moves it to a hidden organisation", who: "edA", codes: lkRefused, vars: lkVars("id", "AS1", "o", "O_B1"),
			query: `mutation($id: ID!, $o: ID!) { updateTaskAssignment(id: $id, input: {organizationID: $o}) { id organization { id name } } }`,
			check: lkSameField("AS1", "organization_id", "O_A1")},
		leakRow{name: "mutation createDeadlineExtension on a hidden assignment", who: "edA", codes: lkRefused, vars: lkVar("a", "AS2"),
			query: `mutation($a: ID!) { createDeadlineExtension(input: {assignmentID: $a, newDueDate: "2027-01-01T00:00:00Z", reason: "leak-m10"}) { id assignment { id progressNote } } }`,
			check: none("extensions", func(f *acFixture) (int, error) {
				return f.c.DeadlineExtension.Query().Where(deadlineextension.Reason("leak-m10")).Count(f.ctx)
			})},
		leakRow{name: "mutation reporter updates hidden assignments (A2, B1, MAT)", who: "rep", codes: "NOT_FOUND", vars: lkVars("a", "AS4", "b", "AS2", "c", "AS5"),
			query: `mutation($a: ID!, $b: ID!, $c: ID!) { a: updateTaskAssignment(id: $a, input: {progress: 55}) { id progressNote } b: updateTaskAssignment(id: $b, input: {progress: 55}) { id progressNote } c: updateTaskAssignment(id: $c, input: {progress: 55}) { id progressNote } }`,
			check: func(f *acFixture) []string {
				var out []string
				for _, k := range []string{"AS4", "AS2", "AS5"} {
					if f.field(f.id(k), "progress") == "55" {
						out = append(out, k+" progress changed")
					}
				}
				return out
			}},
		leakRow{name: "mutation createMembership of a hidden person in scope", who: "edA", codes: lkRefused, vars: lkVars("p", "P_B", "o", "O_A1"),
			query: `mutation($p: ID!, $o: ID!) { createMembership(input: {personID: $p, organizationID: $o, postTitle: "leak-m11"}) { id person { id fullName memberships(first: 10) { edges { node { id postTitle } } } } } }`,
			check: none("memberships", func(f *acFixture) (int, error) {
				return f.c.Membership.Query().Where(membership.PostTitle("leak-m11")).Count(f.ctx)
			})},
		leakRow{name: "mutation createMembership in a hidden organisation", who: "edA", codes: lkRefused, vars: lkVars("p", "P_A", "o", "O_B1"),
			query: `mutation($p: ID!, $o: ID!) { createMembership(input: {personID: $p, organizationID: $o, postTitle: "leak-m12"}) { id organization { id name } } }`,
			check: none("memberships", func(f *acFixture) (int, error) {
				return f.c.Membership.Query().Where(membership.PostTitle("leak-m12")).Count(f.ctx)
			})},
		leakRow{name: "mutation updateOrganization under a hidden parent", who: "edA", codes: lkRefused, vars: lkVars("id", "O_A2", "p", "O_B"),
			query: `mutation($id: ID!, $p: ID!) { updateOrganization(id: $id, input: {parentID: $p}) { id parent { id name } } }`,
			check: lkSameField("O_A2", "parent_id", "O_A")},
		leakRow{name: "mutation updateOrganization detaches the scope root", who: "edA", codes: lkRefused, vars: lkVar("id", "O_A"),
			query: `mutation($id: ID!) { updateOrganization(id: $id, input: {clearParent: true}) { id } }`,
			check: lkSameField("O_A", "parent_id", "O_ROOT")},
		leakRow{name: "mutation createDirective with a hidden acting body", who: "edA", codes: lkRefused, vars: lkVars("i", "O_A1", "b", "O_B"),
			query: `mutation($i: ID!, $b: ID!) { createDirective(input: {symbol: "leak-m15", system: PARTY, issuerID: $i, actingBodyID: $b}) { id actingBody { id name } } }`,
			check: none("directives", func(f *acFixture) (int, error) {
				return f.c.Directive.Query().Where(directive.Symbol("leak-m15")).Count(f.ctx)
			})},
		leakRow{name: "mutation createTask under a hidden parent task", who: "edA", codes: lkRefused, vars: lkVars("d", "D_AP", "p", "T_BP"),
			query: `mutation($d: ID!, $p: ID!) { createTask(input: {directiveID: $d, parentID: $p, sectionPath: "9", text: "leak-m16"}) { id parent { id text } } }`,
			check: none("tasks", func(f *acFixture) (int, error) { return f.c.Task.Query().Where(task.Text("leak-m16")).Count(f.ctx) })},
		leakRow{name: "mutation createTask carrying out a hidden task", who: "edA", codes: lkRefused, vars: lkVars("d", "D_AP", "p", "T_BP"),
			query: `mutation($d: ID!, $p: ID!) { createTask(input: {directiveID: $d, implementsID: $p, sectionPath: "9", text: "leak-m17"}) { id implements { id text } } }`,
			check: none("tasks", func(f *acFixture) (int, error) { return f.c.Task.Query().Where(task.Text("leak-m17")).Count(f.ctx) })},

		// A hidden row is answered exactly like a missing one.
		leakRow{name: "oracle node(hidden) answers like node(missing)", codes: "ok NOT_FOUND", vars: lkHidden("id", "Directive"),
			query: `query($id: ID!) { node(id: $id) { id } }`, verify: lkLikeMissing("id")},
		leakRow{name: "oracle updateDirective(hidden) answers like a missing one", codes: "NOT_FOUND FORBIDDEN", vars: lkHidden("id", "Directive"),
			query: `mutation($id: ID!) { updateDirective(id: $id, input: {place: "leak-o2"}) { id } }`, verify: lkLikeMissing("id")},
		leakRow{name: "oracle deleteReport(hidden) answers like a missing one", codes: "NOT_FOUND FORBIDDEN", vars: lkHidden("id", "Report"),
			query: `mutation($id: ID!) { deleteReport(id: $id) }`, verify: lkLikeMissing("id")},
		leakRow{name: "oracle createTask(hidden directive) answers like a missing one", who: "edA", codes: lkRefused, vars: lkHidden("d", "Directive"),
			query: `mutation($d: ID!) { createTask(input: {directiveID: $d, sectionPath: "9", text: "leak-o4"}) { id } }`, verify: lkLikeMissing("d")},
		leakRow{name: "oracle createDirectiveReference(hidden target) answers like a missing one", who: "edA", codes: lkRefused,
			vars: func(f *acFixture, who string) map[string]any {
				return map[string]any{"s": f.gid("D_AP"), "t": lkHidden("t", "Directive")(f, who)["t"]}
			},
			query: `mutation($s: ID!, $t: ID!) { createDirectiveReference(input: {sourceID: $s, targetID: $t, citedText: "leak-o5"}) { id } }`, verify: lkLikeMissing("t")},

		// Edge lists in mutation inputs (addXIDs, xIDs) write the other side.
		leakRow{name: "mutation updateOrganization addIssuedDirectiveIDs [hidden directive]", who: "edA", codes: lkRefused, vars: lkVars("id", "O_A1", "d", "D_REF"),
			query: `mutation($id: ID!, $d: ID!) { updateOrganization(id: $id, input: {addIssuedDirectiveIDs: [$d]}) { id issuedDirectives(first: 10) { edges { node { id symbol } } } } }`,
			check: lkSameField("D_REF", "issuer_id", "null")},
		leakRow{name: "mutation updateOrganization addChildIDs [hidden root]", who: "edA", codes: lkRefused, vars: lkVars("id", "O_A1", "c", "O_ROOT"),
			query: `mutation($id: ID!, $c: ID!) { updateOrganization(id: $id, input: {addChildIDs: [$c]}) { id children(first: 200) { edges { node { id name } } } } }`,
			check: lkSameField("O_ROOT", "parent_id", "null")},
		leakRow{name: "mutation updateOrganization addPredecessorIDs [hidden organisation]", who: "edA", codes: lkRefused, vars: lkVars("id", "O_A1", "p", "O_B"),
			query: `mutation($id: ID!, $p: ID!) { updateOrganization(id: $id, input: {addPredecessorIDs: [$p]}) { id predecessors(first: 10) { edges { node { id name } } } } }`,
			check: lkSameField("O_B", "successor_id", "null")},
		leakRow{name: "mutation updateOrganization addReceivedIDs [hidden recipient]", who: "edA", codes: lkRefused, vars: lkVars("id", "O_A1", "r", "RC8"),
			query: `mutation($id: ID!, $r: ID!) { updateOrganization(id: $id, input: {addReceivedIDs: [$r]}) { id received(first: 10) { edges { node { id text directive { id symbol } } } } } }`,
			check: lkSameField("RC8", "organization_id", "null")},
		leakRow{name: "mutation updateDirective addReportIDs [hidden report]", who: "edA", codes: lkRefused, vars: lkVars("id", "D_AP", "r", "RP7"),
			query: `mutation($id: ID!, $r: ID!) { updateDirective(id: $id, input: {addReportIDs: [$r]}) { id reports(first: 10) { edges { node { id text } } } } }`,
			check: lkSameField("RP7", "directive_id", "null")},
		leakRow{name: "mutation updatePerson addSignedDirectiveIDs [hidden directive]", who: "edA", codes: lkRefused, vars: lkVars("id", "P_A", "d", "D_REF"),
			query: `mutation($id: ID!, $d: ID!) { updatePerson(id: $id, input: {addSignedDirectiveIDs: [$d]}) { id signedDirectives(first: 10) { edges { node { id symbol } } } } }`,
			check: lkSameField("D_REF", "signer_id", "null")},
		leakRow{name: "mutation createDirective citedByIDs [hidden reference]", who: "edA", codes: lkRefused, vars: lkVars("i", "O_A1", "r", "RF7"),
			query: `mutation($i: ID!, $r: ID!) { createDirective(input: {symbol: "leak-m23", system: PARTY, issuerID: $i, citedByIDs: [$r]}) { id citedBy(first: 10) { edges { node { id citedText source { id symbol } } } } } }`,
			check: lkAll(lkSameField("RF7", "target_id", "null"),
				none("directives", func(f *acFixture) (int, error) {
					return f.c.Directive.Query().Where(directive.Symbol("leak-m23")).Count(f.ctx)
				}))},
		leakRow{name: "mutation createTask implementedByIDs [hidden task]", who: "edA", codes: lkRefused, vars: lkVars("d", "D_AP", "t", "T_BP"),
			query: `mutation($d: ID!, $t: ID!) { createTask(input: {directiveID: $d, sectionPath: "9", text: "leak-m25", implementedByIDs: [$t]}) { id implementedBy(first: 10) { edges { node { id text } } } } }`,
			check: lkSameField("T_BP", "implements_id", "null")},

		// A scoped editor may not change directives issued outside its
		// scope, and through them rows of other subtrees.
		leakRow{name: "mutation deleteTask of a foreign directive cascades to hidden assignments", who: "edA", codes: lkRefused, vars: lkVar("id", "T_DEL"),
			query: `mutation($id: ID!) { deleteTask(id: $id) }`,
			check: func(f *acFixture) []string {
				if !f.exists(f.id("AS10")) {
					return []string{"hidden assignment AS10 (B1) was deleted"}
				}
				return nil
			}},
		leakRow{name: "mutation updateDirective issued outside scope", who: "edA", codes: lkRefused, vars: lkVar("id", "D_RP"),
			query: `mutation($id: ID!) { updateDirective(id: $id, input: {subject: "leak-m30"}) { id subject } }`,
			check: lkSameField("D_RP", "subject", `"V/v [D_RP]"`)},
		leakRow{name: "mutation deleteDirective issued outside scope cascades to hidden rows", who: "edA", codes: lkRefused, vars: lkVar("id", "D_DEL"),
			query: `mutation($id: ID!) { deleteDirective(id: $id) }`,
			check: func(f *acFixture) []string {
				var out []string
				for _, k := range []string{"D_DEL", "AS10", "RC11"} {
					if !f.exists(f.id(k)) {
						out = append(out, k+" was deleted")
					}
				}
				return out
			}},

		// Clearing an edge list of a visible row must leave hidden rows alone.
		leakRow{name: "mutation updateDirective clearCitedBy (hidden citations)", who: "edA", codes: "ok " + lkRefused, vars: lkVar("id", "D_AP"),
			query: `mutation($id: ID!) { updateDirective(id: $id, input: {clearCitedBy: true}) { id } }`,
			check: lkAll(lkSameField("RF4", "target_id", "D_AP"), lkSameField("RF5", "target_id", "D_AP"), lkSameField("RF8", "target_id", "D_AP"))},
		leakRow{name: "mutation updateDirective clearReports (hidden reports)", who: "edA", codes: "ok " + lkRefused, vars: lkVar("id", "D_AP"),
			query: `mutation($id: ID!) { updateDirective(id: $id, input: {clearReports: true}) { id } }`,
			check: lkSameField("RP8", "directive_id", "D_AP")},
		leakRow{name: "mutation updateTask clearImplementedBy (hidden tasks)", who: "edA", codes: "ok " + lkRefused, vars: lkVar("id", "T_AP1"),
			query: `mutation($id: ID!) { updateTask(id: $id, input: {clearImplementedBy: true}) { id } }`,
			check: lkSameField("T_BM", "implements_id", "T_AP1")},
		leakRow{name: "mutation updateOrganization clearReceived (hidden recipients)", who: "edA", codes: "ok " + lkRefused, vars: lkVar("id", "O_A1"),
			query: `mutation($id: ID!) { updateOrganization(id: $id, input: {clearReceived: true}) { id } }`,
			check: lkSameField("RC6", "organization_id", "O_A1")},
		leakRow{name: "mutation updateOrganization clearIssuedDirectives (hidden directives)", who: "edA", codes: "ok " + lkRefused, vars: lkVar("id", "O_A"),
			query: `mutation($id: ID!) { updateOrganization(id: $id, input: {clearIssuedDirectives: true}) { id } }`,
			check: lkSameField("D_AT", "issuer_id", "O_A")},
	)
	return rows
}

// TestLeak sends crafted queries and mutations as accounts limited by
// scope or clearance and fails on any trace of a row they may not read
// (its mark, email, id, or number in a path) anywhere in any answer, on
// wrong row sets and counts, on edge orderings that are not refused, and
// on changes that reach hidden rows.
func TestLeak(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		start := time.Now()
		f := newACFixture(t, dsn)
		rows := leakRows()
		requests := 0
		for _, row := range rows {
			who := row.who
			if who == "" {
				who = lkRestricted
			}
			var problems []string
			for _, w := range strings.Fields(who) {
				ps, n := f.leak(row, w)
				requests += n
				for _, p := range ps {
					problems = append(problems, w+": "+p)
				}
			}
			if row.check != nil {
				problems = append(problems, row.check(f)...)
			}
			if len(problems) > 0 {
				t.Errorf("%s:\n\t%s", row.name, strings.Join(lkClip(problems), "\n\t"))
			}
		}
		t.Logf("leak queries: %d (%d requests) in %s", len(rows), requests, time.Since(start).Round(time.Millisecond))
	})
}

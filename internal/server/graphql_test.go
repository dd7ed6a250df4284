package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/chidao/chidao/internal/viewer"
)

const directive1416 = `query($symbol: String!) {
  directives(where: {symbol: $symbol}, first: 1) {
    totalCount
    edges { node {
      symbol subject byReference
      issuer { name abbreviation }
      actingBody { name }
      references(orderBy: {field: ORDINAL}) { edges { node { relation citedSymbol target { symbol byReference } } } }
      tasks(orderBy: {field: ORDINAL}) { totalCount edges { node {
        sectionPath kind status
        assignments(orderBy: [{field: ROLE}, {field: ORGANIZATION_NAME}]) { edges { node { role organization { name } } } }
      } } }
    } }
  }
}`

type directiveResult struct {
	Directives struct {
		TotalCount int `json:"totalCount"`
		Edges      []struct {
			Node struct {
				Symbol      string `json:"symbol"`
				Subject     string `json:"subject"`
				ByReference bool   `json:"byReference"`
				Issuer      struct {
					Name         string `json:"name"`
					Abbreviation string `json:"abbreviation"`
				} `json:"issuer"`
				ActingBody struct{ Name string } `json:"actingBody"`
				References struct {
					Edges []struct {
						Node struct {
							Relation    string `json:"relation"`
							CitedSymbol string `json:"citedSymbol"`
							Target      struct {
								Symbol      string `json:"symbol"`
								ByReference bool   `json:"byReference"`
							} `json:"target"`
						} `json:"node"`
					} `json:"edges"`
				} `json:"references"`
				Tasks struct {
					TotalCount int `json:"totalCount"`
					Edges      []struct {
						Node struct {
							SectionPath string `json:"sectionPath"`
							Kind        string `json:"kind"`
							Status      string `json:"status"`
							Assignments struct {
								Edges []struct {
									Node struct {
										Role         string `json:"role"`
										Organization struct {
											Name string `json:"name"`
										} `json:"organization"`
									} `json:"node"`
								} `json:"edges"`
							} `json:"assignments"`
						} `json:"node"`
					} `json:"edges"`
				} `json:"tasks"`
			} `json:"node"`
		} `json:"edges"`
	} `json:"directives"`
}

// The demo's promise: directive 1416-CV/QU with its five tasks, their
// assignees by role and name, and the documents it carries out.
func TestDemoDirective(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, true)
		var out directiveResult
		e.ok(directive1416, map[string]any{"symbol": "1416-CV/QU"}, &out)
		if out.Directives.TotalCount != 1 {
			t.Fatalf("want 1 directive, got %d", out.Directives.TotalCount)
		}
		d := out.Directives.Edges[0].Node
		if d.Issuer.Name != "Quận ủy Kiến An" || d.Issuer.Abbreviation != "QU" || d.ActingBody.Name != "Ban Thường vụ Quận ủy Kiến An" {
			t.Fatalf("issuer/acting body: %+v %+v", d.Issuer, d.ActingBody)
		}
		if d.ByReference {
			t.Fatal("1416-CV/QU has its text; it is not known by reference only")
		}
		refs := map[string]string{}
		for _, r := range d.References.Edges {
			refs[r.Node.Target.Symbol] = r.Node.Relation
			if !r.Node.Target.ByReference {
				t.Errorf("%s should be known by reference only", r.Node.Target.Symbol)
			}
		}
		if refs["44-KL/TW"] != "IMPLEMENTS" || refs["43-CT/TW"] != "CITES" || refs["809-CV/TU"] != "CITES" {
			t.Fatalf("references: %v", refs)
		}
		if d.Tasks.TotalCount != 5 || len(d.Tasks.Edges) != 5 {
			t.Fatalf("want 5 tasks, got %d", d.Tasks.TotalCount)
		}
		var paths []string
		for _, te := range d.Tasks.Edges {
			paths = append(paths, te.Node.SectionPath)
			if len(te.Node.Assignments.Edges) == 0 {
				t.Errorf("task %s has no assignments", te.Node.SectionPath)
			}
		}
		if strings.Join(paths, ",") != "1,2,3,4,5" {
			t.Fatalf("task order: %v", paths)
		}
		task2 := d.Tasks.Edges[1].Node
		var leads []string
		for _, a := range task2.Assignments.Edges {
			if a.Node.Role == "LEAD" {
				leads = append(leads, a.Node.Organization.Name)
			}
		}
		if strings.Join(leads, "|") != "Hội đồng nhân dân quận Kiến An|Ủy ban nhân dân quận Kiến An" {
			t.Fatalf("task 2 leads (ordered by name): %v", leads)
		}
		// Both leads of task 2 completed, the last on 2024-01-15 after the due
		// date 2023-12-31: the task rolled up as completed late.
		if task2.Status != "COMPLETED_LATE" {
			t.Fatalf("task 2 status: %s", task2.Status)
		}
	})
}

// The cascade: following IMPLEMENTS down from 44-KL/TW reaches the city's
// and the district's documents.
func TestCascadeAndEdgeFilters(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, true)
		var out struct {
			Directives struct {
				Edges []struct {
					Node struct {
						CitedBy struct {
							Edges []struct {
								Node struct {
									Source struct{ Symbol string } `json:"source"`
								} `json:"node"`
							} `json:"edges"`
						} `json:"citedBy"`
					} `json:"node"`
				} `json:"edges"`
			} `json:"directives"`
		}
		e.ok(`{ directives(where: {symbol: "44-KL/TW"}, first: 1) { edges { node {
			citedBy(where: {relation: IMPLEMENTS}, orderBy: {field: SOURCE_ISSUE_DATE}) { edges { node { source { symbol } } } }
		} } } }`, nil, &out)
		var got []string
		for _, c := range out.Directives.Edges[0].Node.CitedBy.Edges {
			got = append(got, c.Node.Source.Symbol)
		}
		if strings.Join(got, ",") != "809-CV/TU,1416-CV/QU" {
			t.Fatalf("implementers of 44-KL/TW: %v", got)
		}

		// Edge filter: organisations leading a task of a directive of the
		// Kiến An committee, with their number of assignments.
		var orgs struct {
			Organizations struct {
				TotalCount int `json:"totalCount"`
				Edges      []struct {
					Node struct {
						Name        string `json:"name"`
						Assignments struct {
							TotalCount int `json:"totalCount"`
						} `json:"assignments"`
					} `json:"node"`
				} `json:"edges"`
			} `json:"organizations"`
		}
		e.ok(`{ organizations(
			where: {hasAssignmentsWith: {role: LEAD, hasTaskWith: {hasDirectiveWith: {hasIssuerWith: {abbreviation: "QU"}}}}},
			orderBy: [{field: ASSIGNMENTS_COUNT, direction: DESC}, {field: NAME}], first: 10
		) { totalCount edges { node { name assignments { totalCount } } } } }`, nil, &orgs)
		// Leads in 1416-CV/QU as read from its text (tasks 1, 2, 5), plus the
		// demo's curated leads of tasks 3 and 4.
		if orgs.Organizations.TotalCount != 8 {
			t.Fatalf("want 8 leading organisations, got %d: %+v", orgs.Organizations.TotalCount, orgs.Organizations.Edges)
		}
		first := orgs.Organizations.Edges[0].Node
		if first.Name != "Ủy ban Mặt trận Tổ quốc Việt Nam quận Kiến An" || first.Assignments.TotalCount != 4 {
			t.Fatalf("most assigned first: %+v", first)
		}
	})
}

// Cursor pagination walks every row once, forwards, with totals.
func TestCursorPagination(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, true)
		total := e.count("organizations")
		var seen []string
		after := any(nil)
		for page := 0; page < 100; page++ {
			var out struct {
				Organizations struct {
					TotalCount int `json:"totalCount"`
					PageInfo   struct {
						HasNextPage bool   `json:"hasNextPage"`
						EndCursor   string `json:"endCursor"`
					} `json:"pageInfo"`
					Edges []struct {
						Node struct{ Name string } `json:"node"`
					} `json:"edges"`
				} `json:"organizations"`
			}
			e.ok(`query($after: Cursor) { organizations(first: 7, after: $after, orderBy: [{field: LEVEL}, {field: NAME}]) {
				totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }`, map[string]any{"after": after}, &out)
			if out.Organizations.TotalCount != total {
				t.Fatalf("totalCount %d on page %d, want %d", out.Organizations.TotalCount, page, total)
			}
			for _, ed := range out.Organizations.Edges {
				seen = append(seen, ed.Node.Name)
			}
			if !out.Organizations.PageInfo.HasNextPage {
				break
			}
			after = out.Organizations.PageInfo.EndCursor
		}
		if len(seen) != total {
			t.Fatalf("walked %d organisations, want %d", len(seen), total)
		}
		dup := map[string]bool{}
		for _, s := range seen {
			if dup[s] {
				t.Fatalf("%s seen twice", s)
			}
			dup[s] = true
		}
	})
}

// Create, read through node(id), update, delete — and what deletion
// takes with it.
func TestCRUDAndNode(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, false)
		var org struct {
			CreateOrganization struct {
				ID   string `json:"id"`
				Name string `json:"name"`
			} `json:"createOrganization"`
		}
		e.ok(`mutation { createOrganization(input: {name: "Tỉnh ủy Nghệ An", abbreviation: "TU", system: PARTY, classification: PARTY_COMMITTEE, level: PROVINCIAL, aliases: ["Tỉnh ủy"]}) { id name } }`, nil, &org)
		orgID := org.CreateOrganization.ID
		var dir struct {
			CreateDirective struct{ ID string } `json:"createDirective"`
		}
		e.ok(`mutation($issuer: ID!) { createDirective(input: {symbol: "134-KH/TU", number: 134, typeCode: "KH", docType: KE_HOACH, system: PARTY, issuerID: $issuer, issueDate: "2025-01-10T00:00:00Z", subject: "Kế hoạch thực hiện"}) { id } }`,
			map[string]any{"issuer": orgID}, &dir)
		var task struct {
			CreateTask struct{ ID string } `json:"createTask"`
		}
		e.ok(`mutation($d: ID!) { createTask(input: {directiveID: $d, sectionPath: "I.1", ordinal: 1, text: "Tổ chức quán triệt", dueDate: "2025-03-31T00:00:00Z", deadlineKind: BY_QUARTER}) { id } }`,
			map[string]any{"d": dir.CreateDirective.ID}, &task)
		var asg struct {
			CreateTaskAssignment struct {
				ID      string  `json:"id"`
				DueDate *string `json:"dueDate"`
			} `json:"createTaskAssignment"`
		}
		e.ok(`mutation($t: ID!, $o: ID!) { createTaskAssignment(input: {taskID: $t, organizationID: $o, role: LEAD}) { id dueDate } }`,
			map[string]any{"t": task.CreateTask.ID, "o": orgID}, &asg)
		if asg.CreateTaskAssignment.DueDate == nil || !strings.HasPrefix(*asg.CreateTaskAssignment.DueDate, "2025-03-31") {
			t.Fatalf("assignee's due date should start as the task's: %v", asg.CreateTaskAssignment.DueDate)
		}

		// node(id) resolves any type; the id is opaque.
		var node struct {
			Node struct {
				Typename string `json:"__typename"`
				Symbol   string `json:"symbol"`
			} `json:"node"`
		}
		e.ok(`query($id: ID!) { node(id: $id) { __typename ... on Directive { symbol } } }`, map[string]any{"id": dir.CreateDirective.ID}, &node)
		if node.Node.Typename != "Directive" || node.Node.Symbol != "134-KH/TU" {
			t.Fatalf("node: %+v", node.Node)
		}
		if strings.Contains(dir.CreateDirective.ID, "134") || strings.ContainsAny(dir.CreateDirective.ID, ":") {
			t.Fatalf("ids should be opaque, got %q", dir.CreateDirective.ID)
		}

		// Completing the only lead completes the task (on time).
		var upd struct {
			UpdateTaskAssignment struct {
				Status string `json:"status"`
				Task   struct {
					Status string `json:"status"`
				} `json:"task"`
			} `json:"updateTaskAssignment"`
		}
		e.ok(`mutation($id: ID!) { updateTaskAssignment(id: $id, input: {completedAt: "2025-03-20T08:00:00Z", progress: 100}) { status task { status } } }`,
			map[string]any{"id": asg.CreateTaskAssignment.ID}, &upd)
		if upd.UpdateTaskAssignment.Status != "COMPLETED_ON_TIME" || upd.UpdateTaskAssignment.Task.Status != "COMPLETED_ON_TIME" {
			t.Fatalf("statuses after completion: %+v", upd.UpdateTaskAssignment)
		}

		// An organisation with assignments cannot be deleted; nothing is lost.
		e.fails(`mutation($id: ID!) { deleteOrganization(id: $id) }`, map[string]any{"id": orgID}, "CONFLICT", "still referred to")
		if e.count("organizations") != 1 || e.count("taskAssignments") != 1 {
			t.Fatal("a refused delete must keep every row")
		}
		// Deleting a directive takes its tasks and their assignments along.
		var del struct {
			DeleteDirective string `json:"deleteDirective"`
		}
		e.ok(`mutation($id: ID!) { deleteDirective(id: $id) }`, map[string]any{"id": dir.CreateDirective.ID}, &del)
		if del.DeleteDirective != dir.CreateDirective.ID {
			t.Fatalf("deleteDirective returned %q", del.DeleteDirective)
		}
		if n := e.count("tasks") + e.count("taskAssignments") + e.count("directives"); n != 0 {
			t.Fatalf("%d rows left after deleting the directive", n)
		}
		e.fails(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": dir.CreateDirective.ID}, "NOT_FOUND")
	})
}

// Bad input gets a clear, coded error; the server keeps serving and nothing
// stored is lost or half-written.
func TestBadInput(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, true, func(c *Config) {
			c.GraphQL.MaxPageSize = 50
			c.GraphQL.DefaultPageSize = 20
			c.GraphQL.ComplexityLimit = 5000
			c.MaxBodyBytes = 64 << 10
		})
		before := map[string]int{}
		roots := []string{"organizations", "directives", "tasks", "taskAssignments", "reports", "persons", "memberships", "recipients", "directiveReferences"}
		for _, r := range roots {
			before[r] = e.count(r)
		}
		var someOrg struct {
			Organizations struct {
				Edges []struct{ Node struct{ ID string } } `json:"edges"`
			} `json:"organizations"`
		}
		e.ok(`{ organizations(first: 1, where: {abbreviation: "QU"}) { edges { node { id } } } }`, nil, &someOrg)
		orgID := someOrg.Organizations.Edges[0].Node.ID
		var someTask struct {
			Tasks struct {
				Edges []struct{ Node struct{ ID string } } `json:"edges"`
			} `json:"tasks"`
		}
		e.ok(`{ tasks(first: 1) { edges { node { id } } } }`, nil, &someTask)
		taskID := someTask.Tasks.Edges[0].Node.ID

		cases := []struct {
			name  string
			query string
			vars  map[string]any
			code  string
			hints []string
		}{
			{"malformed GraphQL", `{ directives(first: 1) { edges { node { symbol }`, nil, "GRAPHQL_PARSE_FAILED", nil},
			{"unknown field", `{ directives(first: 1) { edges { node { sumbol } } } }`, nil, "GRAPHQL_VALIDATION_FAILED", []string{"sumbol"}},
			{"invalid enum literal", `mutation { createOrganization(input: {name: "X", system: CHURCH, level: CENTRAL}) { id } }`, nil, "GRAPHQL_VALIDATION_FAILED", []string{"CHURCH"}},
			{"invalid enum variable", `mutation($s: OrganizationSystem!) { createOrganization(input: {name: "X", system: $s, level: CENTRAL}) { id } }`, map[string]any{"s": "CHURCH"}, "GRAPHQL_VALIDATION_FAILED", []string{"CHURCH"}},
			{"garbage id", `{ node(id: "not-an-id") { id } }`, nil, "INVALID_ID", []string{"not-an-id"}},
			{"unknown id", `{ node(id: "T3JnYW5pemF0aW9uOjE3MTc5ODY5MTg0OTk5") { id } }`, nil, "NOT_FOUND", nil},
			{"update of an unknown id", `mutation { updatePerson(id: "UGVyc29uOjIxNDc0ODM2NDgwOTk5", input: {fullName: "A"}) { id } }`, nil, "NOT_FOUND", nil},
			{"id of another type", `mutation($id: ID!) { updatePerson(id: $id, input: {fullName: "A"}) { id } }`, map[string]any{"id": orgID}, "NOT_FOUND", nil},
			{"over-long name", `mutation($n: String!) { createOrganization(input: {name: $n, system: PARTY, level: CENTRAL}) { id } }`, map[string]any{"n": strings.Repeat("Ủy ban ", 200)}, "VALIDATION", []string{"name"}},
			{"empty name", `mutation { createPerson(input: {fullName: ""}) { id } }`, nil, "VALIDATION", []string{"full_name"}},
			{"progress out of range", `mutation($t: ID!, $o: ID!) { createTaskAssignment(input: {taskID: $t, organizationID: $o, role: SUPPORTER, progress: 140}) { id } }`, map[string]any{"t": taskID, "o": orgID}, "VALIDATION", []string{"progress"}},
			{"figures not numbers", `mutation($o: ID!) { createReport(input: {organizationID: $o, figures: {a: "many"}}) { id } }`, map[string]any{"o": orgID}, "INVALID_INPUT", []string{"figure"}},
			{"page too large", `{ organizations(first: 51) { totalCount } }`, nil, "PAGE_SIZE", []string{"first", "50"}},
			{"nested page too large", `{ directives(first: 1) { edges { node { tasks(last: 500) { totalCount } } } } }`, nil, "PAGE_SIZE", []string{"last", "tasks"}},
			{"null page size", `query($n: Int) { organizations(first: $n) { totalCount } }`, map[string]any{"n": nil}, "PAGE_SIZE", []string{"first"}},
			{"too costly", `{ organizations(first: 50) { edges { node { issuedDirectives(first: 50) { edges { node { tasks(first: 50) { edges { node { id } } } } } } } } } }`, nil, "COMPLEXITY_LIMIT_EXCEEDED", []string{"complexity"}},
			{"bad cursor", `{ organizations(first: 5, after: "bm90IGEgY3Vyc29y") { totalCount } }`, nil, "INVALID_CURSOR", []string{"cursor"}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				e.t = t
				r := e.fails(c.query, c.vars, c.code, c.hints...)
				for _, er := range r.Errors {
					if strings.Contains(strings.ToLower(er.Message), "sql") || strings.Contains(er.Message, "ent:") {
						t.Fatalf("error leaks internals: %q", er.Message)
					}
				}
			})
		}
		e.t = t

		// Violated uniqueness: the same organisation twice in the same role.
		var tk struct {
			Tasks struct {
				Edges []struct {
					Node struct {
						ID          string `json:"id"`
						Assignments struct {
							Edges []struct {
								Node struct {
									Role         string
									Organization struct{ ID string }
								}
							}
						}
					}
				}
			}
		}
		e.ok(`{ tasks(first: 1, where: {sectionPath: "2"}) { edges { node { id assignments(first: 1) { edges { node { role organization { id } } } } } } } }`, nil, &tk)
		a := tk.Tasks.Edges[0].Node.Assignments.Edges[0].Node
		e.fails(`mutation($t: ID!, $o: ID!, $r: TaskAssignmentRole!) { createTaskAssignment(input: {taskID: $t, organizationID: $o, role: $r}) { id } }`,
			map[string]any{"t": tk.Tasks.Edges[0].Node.ID, "o": a.Organization.ID, "r": a.Role}, "CONFLICT", "already exists")

		// One operation, one transaction: when the second mutation fails the
		// first is rolled back too.
		r := e.post(`mutation { a: createPerson(input: {fullName: "Nguyễn Văn A"}) { id } b: createPerson(input: {fullName: ""}) { id } }`, nil)
		if r.code() != "VALIDATION" {
			t.Fatalf("second mutation should fail validation: %+v", r.Errors)
		}

		// A body over the limit is refused before parsing.
		big := []byte(`{"query":"{ __typename }","variables":{"pad":"` + strings.Repeat("x", 70<<10) + `"}}`)
		if r := e.raw(big); r.Status != http.StatusRequestEntityTooLarge || r.code() != "REQUEST_TOO_LARGE" {
			t.Fatalf("big body: status %d %+v", r.Status, r.Errors)
		}
		// Mutations are refused over GET.
		resp := e.get("/graphql?query=" + url.QueryEscape(`mutation { createPerson(input: {fullName: "G"}) { id } }`))
		if g := decode(t, resp); len(g.Errors) == 0 {
			t.Fatal("a mutation over GET must be refused")
		}

		for _, root := range roots {
			if got := e.count(root); got != before[root] {
				t.Errorf("%s: %d rows after bad input, want %d", root, got, before[root])
			}
		}
		// And the server still answers.
		var out directiveResult
		e.ok(directive1416, map[string]any{"symbol": "1416-CV/QU"}, &out)
	})
}

// Queries come over GET too (urql sends them so), and automatic persisted
// queries let clients send a hash instead of the text.
func TestGETAndPersistedQueries(t *testing.T) {
	e := newEnv(t, "file:apq?mode=memory&cache=shared", true)
	q := `{ directives(first: 10, where: {byReference: true}) { totalCount } }`
	resp := e.get("/graphql?query=" + url.QueryEscape(q))
	if r := decode(t, resp); len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"totalCount":3`) {
		t.Fatalf("GET: %s %+v", r.Data, r.Errors)
	}
	sum := sha256.Sum256([]byte(q))
	ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}}
	send := func(withQuery bool) response {
		body := map[string]any{"extensions": ext}
		if withQuery {
			body["query"] = q
		}
		b, _ := json.Marshal(body)
		return e.raw(b)
	}
	if r := send(false); r.code() != "PERSISTED_QUERY_NOT_FOUND" {
		t.Fatalf("unknown hash: %+v", r.Errors)
	}
	if r := send(true); len(r.Errors) > 0 {
		t.Fatalf("register: %+v", r.Errors)
	}
	if r := send(false); len(r.Errors) > 0 || !bytes.Contains(r.Data, []byte(`"totalCount":3`)) {
		t.Fatalf("by hash: %s %+v", r.Data, r.Errors)
	}
}

// Introspection is a setting: off in hardened deployments.
func TestIntrospectionSetting(t *testing.T) {
	on := newEnv(t, "file:intro_on?mode=memory&cache=shared", false)
	on.ok(`{ __schema { queryType { name } } }`, nil, nil)
	off := newEnv(t, "file:intro_off?mode=memory&cache=shared", false, func(c *Config) { c.GraphQL.Introspection = false })
	r := off.post(`{ __schema { queryType { name } } }`, nil)
	if len(r.Errors) == 0 {
		t.Fatal("introspection should be refused when turned off")
	}
	off.ok(`{ directives(first: 1) { totalCount } }`, nil, nil)
}

// A connection without first or last gets the default page, never all rows.
func TestDefaultPageSize(t *testing.T) {
	e := newEnv(t, "file:defpage?mode=memory&cache=shared", true, func(c *Config) { c.GraphQL.DefaultPageSize = 4 })
	var out struct {
		Organizations struct {
			TotalCount int `json:"totalCount"`
			PageInfo   struct {
				HasNextPage bool `json:"hasNextPage"`
			} `json:"pageInfo"`
			Edges []struct {
				Node struct {
					Children struct {
						Edges []json.RawMessage `json:"edges"`
					} `json:"children"`
				} `json:"node"`
			} `json:"edges"`
		} `json:"organizations"`
	}
	q := `{ organizations(where: {abbreviation: "QU", classification: PARTY_COMMITTEE}) { totalCount pageInfo { hasNextPage } edges { node { children { edges { node { name } } } } } } }`
	for i := 0; i < 2; i++ { // the second time the document comes from the cache
		e.ok(q, nil, &out)
		if got := len(out.Organizations.Edges[0].Node.Children.Edges); got != 4 {
			t.Fatalf("run %d: nested default page holds %d rows, want 4", i, got)
		}
	}
	if out.Organizations.TotalCount != 1 {
		t.Fatalf("totalCount %d", out.Organizations.TotalCount)
	}
	_ = fmt.Sprint()
}

// Nested lists keep the order asked for, for every parent at once, whether
// orderBy is written as one object or as a list.
func TestNestedOrdering(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, true)
		for _, order := range []string{`{field: NAME, direction: DESC}`, `[{field: NAME, direction: DESC}]`} {
			var out struct {
				Organizations struct {
					Edges []struct {
						Node struct {
							Name     string `json:"name"`
							Children struct {
								Edges []struct {
									Node struct{ Name string } `json:"node"`
								} `json:"edges"`
							} `json:"children"`
						} `json:"node"`
					} `json:"edges"`
				} `json:"organizations"`
			}
			e.ok(`{ organizations(first: 50, where: {hasChildrenWith: [{}]}, orderBy: {field: NAME}) { edges { node { name
				children(first: 50, orderBy: `+order+`) { edges { node { name } } } } } } }`, nil, &out)
			parents := 0
			for _, p := range out.Organizations.Edges {
				var names []string
				for _, c := range p.Node.Children.Edges {
					names = append(names, c.Node.Name)
				}
				if len(names) > 1 {
					parents++
				}
				for i := 1; i < len(names); i++ {
					if names[i-1] < names[i] {
						t.Fatalf("children of %s with orderBy %s not in descending order: %v", p.Node.Name, order, names)
					}
				}
			}
			if parents < 3 {
				t.Fatalf("want several parents with several children, got %d", parents)
			}
		}
	})
}

// The import API through GraphQL: a preview resolves every name and stores
// nothing; bad texts get clear errors; an editor imports, a viewer may not.
func TestImportAPI(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, true)
		text := `ĐẢNG BỘ TP HẢI PHÒNG
QUẬN ỦY KIẾN AN
*
Số 1502-CV/QU
V/v tổ chức Tháng nhân đạo năm 2023

ĐẢNG CỘNG SẢN VIỆT NAM
Kiến An, ngày 20 tháng 4 năm 2023

Kính gửi: - Hội Chữ thập đỏ quận,
- Phòng Văn hóa và Thông tin quận.

Thực hiện Công văn số 1416-CV/QU, ngày 06/3/2023 của Ban Thường vụ Quận ủy, Ban Thường vụ Quận ủy yêu cầu:

1. Hội Chữ thập đỏ quận chủ trì, phối hợp với Phòng Văn hóa và Thông tin quận tổ chức các hoạt động Tháng nhân đạo, báo cáo kết quả về Ban Thường vụ Quận ủy trước ngày 31/5/2023.

2. Ban Dân vận Quận ủy theo dõi, đôn đốc việc thực hiện.

Nơi nhận:
- Như trên,
- Lưu VPQU.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Bùi Thị Tuyết Mai`
		var pv struct {
			PreviewImport struct {
				Symbol     string
				Existing   *struct{ ID string }
				Issuer     struct{ Match string }
				Recipients []struct {
					Name         string
					Match        string
					Organization *struct{ Name string }
					Proposed     *struct {
						Name   string
						Parent *struct{ Name string }
					}
				}
				References []struct {
					Symbol   string
					Relation string
					Target   *struct{ Symbol string }
				}
				Tasks []struct {
					SectionPath string
					DueDate     *string
					Assignments []struct {
						Role         string
						Organization struct{ Name, Match string }
					}
				}
			}
		}
		before := e.count("directives")
		e.ok(`query($t: String!) { previewImport(text: $t) { symbol existing { id } issuer { match }
			recipients { name match organization { name } proposed { name parent { name } } }
			references { symbol relation target { symbol } }
			tasks { sectionPath dueDate assignments { role organization { name match } } } } }`, map[string]any{"t": text}, &pv)
		p := pv.PreviewImport
		if p.Symbol != "1502-CV/QU" || p.Existing != nil || p.Issuer.Match != "EXACT" {
			t.Fatalf("preview header: %+v", p)
		}
		if e.count("directives") != before {
			t.Fatal("a preview stored something")
		}
		if len(p.Recipients) != 2 || p.Recipients[0].Organization == nil || p.Recipients[0].Organization.Name != "Hội Chữ thập đỏ quận Kiến An" {
			t.Fatalf("recipients: %+v", p.Recipients)
		}
		if r := p.Recipients[1]; r.Match != "NEW" || r.Proposed == nil || r.Proposed.Name != "Phòng Văn hóa và Thông tin quận Kiến An" ||
			r.Proposed.Parent == nil || r.Proposed.Parent.Name != "Ủy ban nhân dân quận Kiến An" {
			t.Fatalf("the unknown office should be proposed under the district people's committee: %+v", r)
		}
		if len(p.References) != 1 || p.References[0].Target == nil || p.References[0].Target.Symbol != "1416-CV/QU" || p.References[0].Relation != "IMPLEMENTS" {
			t.Fatalf("references: %+v", p.References)
		}
		if len(p.Tasks) != 2 || p.Tasks[0].DueDate == nil || !strings.HasPrefix(*p.Tasks[0].DueDate, "2023-05-31") {
			t.Fatalf("tasks: %+v", p.Tasks)
		}

		// A viewer may preview but not import.
		viewerTok := e.user("viewer@test.vn", "VIEWER", nil, "NONE")
		admin := e.token
		e.token = viewerTok
		e.fails(`mutation($t: String!) { importDirective(text: $t) { created } }`, map[string]any{"t": text}, "FORBIDDEN")
		e.token = admin
		if e.count("directives") != before {
			t.Fatal("a refused import stored something")
		}
		e.fails(`mutation($t: String!) { importDirective(text: $t) { created } }`, map[string]any{"t": "   "}, "INVALID_INPUT", "white space")
		e.fails(`mutation($t: String!) { importDirective(text: $t) { created } }`, map[string]any{"t": "Chỉ là một đoạn văn, không có số hiệu."}, "INVALID_INPUT", "symbol")

		var res struct {
			ImportDirective struct {
				Created              bool
				CreatedOrganizations []struct{ Name string }
				Directive            struct {
					Tasks struct{ TotalCount int }
				}
			}
		}
		e.ok(`mutation($t: String!) { importDirective(text: $t, corrections: {organizations: [{name: "Ban Dân vận Quận ủy", skip: true}]}) {
			created createdOrganizations { name } directive { tasks { totalCount } } } }`, map[string]any{"t": text}, &res)
		if !res.ImportDirective.Created || res.ImportDirective.Directive.Tasks.TotalCount != 2 || len(res.ImportDirective.CreatedOrganizations) != 1 {
			t.Fatalf("import: %+v", res.ImportDirective)
		}
		if e.count("directives") != before+1 {
			t.Fatal("the import should add one directive")
		}
	})
}

// Page-size caps can be lower for some roles.
func TestRolePageCaps(t *testing.T) {
	e := newEnv(t, "file:rolecaps?mode=memory&cache=shared", true, func(c *Config) {
		c.GraphQL.RolePageCaps = map[viewer.Role]int{viewer.RoleViewer: 10}
	})
	e.ok(`{ organizations(first: 11) { totalCount } }`, nil, nil)
	e.token = e.user("capped@test.vn", "VIEWER", nil, "NONE")
	e.fails(`{ organizations(first: 11) { totalCount } }`, nil, "PAGE_SIZE", "0 to 10")
	e.ok(`{ organizations(first: 10) { totalCount } }`, nil, nil)
}

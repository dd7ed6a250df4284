package server

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/chidao/chidao/ent/directive"
	"github.com/chidao/chidao/ent/organization"
	"github.com/chidao/chidao/ent/taskassignment"
	"github.com/chidao/chidao/internal/gid"
	"github.com/chidao/chidao/internal/viewer"
)

// acrossEdge is an order field that reads across an edge, and the GraphQL
// selection that reads, for one node, the value it orders by.
type acrossEdge struct {
	field string
	sel   string                      // selected on each node
	value func(n orderedNode) sortKey // the node's value, from that selection
}

type orderedNode map[string]json.RawMessage

// sortKey is a value ordered the way ent orders edge columns on both
// databases: NULL (absent: no related row, or a count of none) first when
// ascending and last when descending.
type sortKey struct {
	null bool
	n    float64 // a count, a rank or a time
}

func (n orderedNode) count(edge string) sortKey {
	var c struct {
		TotalCount int `json:"totalCount"`
	}
	if err := json.Unmarshal(n[edge], &c); err != nil {
		panic(fmt.Sprintf("%s: %v", edge, err))
	}
	// A row without related rows has no row in the joined aggregate: NULL.
	return sortKey{null: c.TotalCount == 0, n: float64(c.TotalCount)}
}

func (n orderedNode) str(edge, field string) (string, bool) {
	var m map[string]*string
	if err := json.Unmarshal(n[edge], &m); err != nil {
		panic(fmt.Sprintf("%s: %v", edge, err))
	}
	if m == nil || m[field] == nil {
		return "", false
	}
	return *m[field], true
}

// TestOrderAcrossEdges orders Directive, Organization and TaskAssignment by
// every count of related rows and every field of a related row, on SQLite
// (whose driver reports no scan type for the NULL such an order reads for
// a row without related row, which made ent panic) and PostgreSQL. Each
// order must hold every row once, in the order computed here from the
// related rows themselves, and agree with its first and last pages.
// (Paging on with after/before is refused for such orders: see
// TestNestedOrderAndCursor.)
func TestOrderAcrossEdges(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, true)
		nullRows(t, e)

		// Names compare as the database's collation does: rank them by the
		// plain NAME order of organizations.
		var orgs struct {
			Organizations struct {
				Edges []struct {
					Node struct{ Name string } `json:"node"`
				} `json:"edges"`
			} `json:"organizations"`
		}
		e.ok(`{ organizations(first: 1000, orderBy: {field: NAME}) { edges { node { name } } } }`, nil, &orgs)
		rank := map[string]float64{}
		for _, ed := range orgs.Organizations.Edges {
			if _, ok := rank[ed.Node.Name]; !ok {
				rank[ed.Node.Name] = float64(len(rank))
			}
		}
		name := func(edge string) func(n orderedNode) sortKey {
			return func(n orderedNode) sortKey {
				s, ok := n.str(edge, "name")
				if !ok {
					return sortKey{null: true}
				}
				r, known := rank[s]
				if !known {
					panic("organization name not ranked: " + s)
				}
				return sortKey{n: r}
			}
		}
		count := func(edge string) func(n orderedNode) sortKey {
			return func(n orderedNode) sortKey { return n.count(edge) }
		}
		cnt := func(edge string) string { return edge + `(first: 0) { totalCount }` }

		cases := map[string][]acrossEdge{
			"directives": {
				{"ISSUER_NAME", `issuer { name }`, name("issuer")},
				{"REFERENCES_COUNT", cnt("references"), count("references")},
				{"CITED_BY_COUNT", cnt("citedBy"), count("citedBy")},
				{"RECIPIENTS_COUNT", cnt("recipients"), count("recipients")},
				{"TASKS_COUNT", cnt("tasks"), count("tasks")},
				{"REPORTS_COUNT", cnt("reports"), count("reports")},
			},
			"organizations": {
				{"PARENT_NAME", `parent { name }`, name("parent")},
				{"CHILDREN_COUNT", cnt("children"), count("children")},
				{"ISSUED_DIRECTIVES_COUNT", cnt("issuedDirectives"), count("issuedDirectives")},
				{"ASSIGNMENTS_COUNT", cnt("assignments"), count("assignments")},
				{"REPORTS_COUNT", cnt("reports"), count("reports")},
			},
			"taskAssignments": {
				{"ORGANIZATION_NAME", `organization { name }`, name("organization")},
				{"TASK_DUE_DATE", `task { dueDate }`, func(n orderedNode) sortKey {
					s, ok := n.str("task", "dueDate")
					if !ok {
						return sortKey{null: true}
					}
					at, err := time.Parse(time.RFC3339, s)
					if err != nil {
						panic(err)
					}
					return sortKey{n: float64(at.Unix())}
				}},
			},
		}
		for _, root := range []string{"directives", "organizations", "taskAssignments"} {
			total := e.count(root)
			for _, o := range cases[root] {
				for _, dir := range []string{"ASC", "DESC"} {
					t.Run(root+"/"+o.field+"/"+dir, func(t *testing.T) {
						outer := e.t
						e.t = t
						defer func() { e.t = outer }()
						order := fmt.Sprintf(`{field: %s, direction: %s}`, o.field, dir)
						all := e.page(root, order, o.sel, fmt.Sprintf("first: %d", total+1))
						if len(all.ids) != total {
							t.Fatalf("%d rows, want %d", len(all.ids), total)
						}
						want := slices.Clone(all.nodes)
						slices.SortStableFunc(want, func(a, b orderedNode) int {
							return compareNodes(a, b, o.value, dir == "DESC")
						})
						var nulls int
						for i := range want {
							if o.value(want[i]).null {
								nulls++
							}
							if rowID(want[i]) != all.ids[i] {
								t.Fatalf("row %d is %d, want %d (%v); order %v", i, all.ids[i], rowID(want[i]), o.value(want[i]), all.ids)
							}
						}
						if (nulls == 0 || nulls == total) && o.field != "ORGANIZATION_NAME" { // an assignment's organization is required
							t.Fatalf("%d of %d rows without related row: the test needs both kinds", nulls, total)
						}
						// The first and last two: the last page reverses the order
						// (and where NULLs go) in SQL, then the rows back.
						if head := e.page(root, order, "", "first: 2"); !slices.Equal(head.ids, all.ids[:2]) {
							t.Fatalf("first two %v, want %v", head.ids, all.ids[:2])
						}
						if tail := e.page(root, order, "", "last: 2"); !slices.Equal(tail.ids, all.ids[total-2:]) {
							t.Fatalf("last two %v, want %v", tail.ids, all.ids[total-2:])
						}
					})
				}
			}
		}
	})
}

// nullRows adds what the demo lacks so that every order below meets a
// NULL: a directive without issuer, whose one task has no due date.
func nullRows(t *testing.T, e *env) {
	ctx := viewer.NewContext(context.Background(), viewer.System())
	c := e.db.Client
	org, err := c.Organization.Query().Order(organization.ByID()).First(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d, err := c.Directive.Create().SetSymbol("1-TB/X").SetNumber(1).SetTypeCode("TB").
		SetDocType(directive.DocTypeTHONG_BAO).SetSystem(directive.SystemPARTY).Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tk, err := c.Task.Create().SetDirectiveID(d.ID).SetSectionPath("1").SetOrdinal(0).SetText("Nhiệm vụ").Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.TaskAssignment.Create().SetTaskID(tk.ID).SetOrganizationID(org.ID).
		SetRole(taskassignment.RoleLEAD).Exec(ctx); err != nil {
		t.Fatal(err)
	}
}

// The most tasks first: 1416-CV/QU has five.
func TestOrderByTasksCount(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, true)
		var out struct {
			Directives struct {
				Edges []struct {
					Node struct {
						Symbol string `json:"symbol"`
						Tasks  struct {
							TotalCount int `json:"totalCount"`
						} `json:"tasks"`
					} `json:"node"`
				} `json:"edges"`
			} `json:"directives"`
		}
		e.ok(`{ directives(first: 10, orderBy: {field: TASKS_COUNT, direction: DESC}) { edges { node { symbol tasks(first: 0) { totalCount } } } } }`, nil, &out)
		ed := out.Directives.Edges
		if len(ed) < 2 || ed[0].Node.Symbol != "1416-CV/QU" || ed[0].Node.Tasks.TotalCount != 5 {
			t.Fatalf("directives by tasks: %+v", ed)
		}
		if last := ed[len(ed)-1].Node.Tasks.TotalCount; last != 0 {
			t.Fatalf("the demo should have a directive without tasks, last has %d", last)
		}
	})
}

func compareNodes(a, b orderedNode, value func(orderedNode) sortKey, desc bool) int {
	ka, kb := value(a), value(b)
	c := 0
	switch {
	case ka.null && kb.null:
	case ka.null:
		c = -1
	case kb.null:
		c = 1
	case ka.n < kb.n:
		c = -1
	case ka.n > kb.n:
		c = 1
	}
	if desc {
		c = -c
	}
	if c == 0 {
		// Ties keep ent's tie-breaker: the id, ascending either way.
		c = rowID(a) - rowID(b)
	}
	return c
}

// rowID is the row id of a node.
func rowID(n orderedNode) int {
	var g string
	if err := json.Unmarshal(n["id"], &g); err != nil {
		panic(err)
	}
	i, err := gid.Decode(g)
	if err != nil {
		panic(err)
	}
	return i
}

type page struct {
	nodes       []orderedNode
	ids         []int
	HasNextPage bool   `json:"hasNextPage"`
	EndCursor   string `json:"endCursor"`
}

// page reads one page of a root connection; args has first or last.
func (e *env) page(root, order, sel, args string) page {
	e.t.Helper()
	q := fmt.Sprintf(`{ c: %s(%s, orderBy: %s) { pageInfo { hasNextPage endCursor } edges { node { id %s } } } }`, root, args, order, sel)
	var out struct {
		C struct {
			PageInfo page `json:"pageInfo"`
			Edges    []struct {
				Node orderedNode `json:"node"`
			} `json:"edges"`
		} `json:"c"`
	}
	e.ok(q, nil, &out)
	p := out.C.PageInfo
	for _, ed := range out.C.Edges {
		p.nodes = append(p.nodes, ed.Node)
		p.ids = append(p.ids, rowID(ed.Node))
	}
	return p
}

// A nested connection pages with orderBy and after alike whether orderBy
// is written as a list or as the single order GraphQL coerces to one, in a
// literal or a variable, under one parent or many. entgql's eager loading
// of nested connections read only lists: it dropped a single order (the
// page came back unordered) and refused the page's own cursors with
// "cursor values length 1 do not match orderBy fields length 0".
func TestNestedOrderAndCursor(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, true)
		var top struct {
			Organizations struct {
				Edges []struct {
					Node struct {
						ID       string `json:"id"`
						Children struct {
							TotalCount int `json:"totalCount"`
						} `json:"children"`
					} `json:"node"`
				} `json:"edges"`
			} `json:"organizations"`
		}
		e.ok(`{ organizations(first: 1, orderBy: {field: CHILDREN_COUNT, direction: DESC}) { edges { node { id children(first: 0) { totalCount } } } } }`, nil, &top)
		parent := top.Organizations.Edges[0].Node
		if parent.Children.TotalCount < 3 {
			t.Fatalf("the demo's largest family has %d children; the test needs 3", parent.Children.TotalCount)
		}
		// What the children are, by name descending, from a root connection.
		var want []string
		var root struct {
			Organizations struct {
				Edges []struct {
					Node struct{ Name string } `json:"node"`
				} `json:"edges"`
			} `json:"organizations"`
		}
		e.ok(`query($id: ID!) { organizations(first: 1000, where: {hasParentWith: {id: $id}}, orderBy: {field: NAME, direction: DESC}) { edges { node { name } } } }`,
			map[string]any{"id": parent.ID}, &root)
		for _, ed := range root.Organizations.Edges {
			want = append(want, ed.Node.Name)
		}
		if len(want) != parent.Children.TotalCount || slices.IsSorted(want) {
			t.Fatalf("children by name descending: %q", want)
		}

		type childPage struct {
			Edges []struct {
				Node struct{ Name string } `json:"node"`
			} `json:"edges"`
			PageInfo struct {
				HasNextPage bool   `json:"hasNextPage"`
				EndCursor   string `json:"endCursor"`
			} `json:"pageInfo"`
		}
		single := map[string]any{"field": "NAME", "direction": "DESC"}
		for _, parents := range []struct{ name, decl, field string }{
			{"many parents", "", `organizations(first: 1000, orderBy: {field: NAME})`}, // one query for all
			{"one parent", "$id: ID!, ", `organizations(first: 1, where: {id: $id})`},
		} {
			for _, form := range []struct {
				name, decl, order string
				vars              map[string]any
			}{
				{"single literal", "", `{field: NAME, direction: DESC}`, nil},
				{"list literal", "", `[{field: NAME, direction: DESC}]`, nil},
				{"single variable", ", $o: [OrganizationOrder!]", `$o`, map[string]any{"o": single}},
				{"list variable", ", $o: [OrganizationOrder!]", `$o`, map[string]any{"o": []any{single}}},
			} {
				t.Run(form.name+" under "+parents.name, func(t *testing.T) {
					outer := e.t
					e.t = t
					defer func() { e.t = outer }()
					q := `query(` + parents.decl + `$after: Cursor` + form.decl + `) { ` + parents.field + ` { edges { node { id
						children(first: 2, after: $after, orderBy: ` + form.order + `) { edges { node { name } } pageInfo { hasNextPage endCursor } }
					} } } }`
					var got []string
					var after any
					for range want {
						vars := map[string]any{"id": parent.ID, "after": after}
						maps.Copy(vars, form.vars)
						var out struct {
							Organizations struct {
								Edges []struct {
									Node struct {
										ID       string    `json:"id"`
										Children childPage `json:"children"`
									} `json:"node"`
								} `json:"edges"`
							} `json:"organizations"`
						}
						e.ok(q, vars, &out)
						var p *childPage
						for _, ed := range out.Organizations.Edges {
							if ed.Node.ID == parent.ID {
								p = &ed.Node.Children
							}
						}
						if p == nil {
							t.Fatal("parent missing")
						}
						for _, ed := range p.Edges {
							got = append(got, ed.Node.Name)
						}
						if !p.PageInfo.HasNextPage {
							break
						}
						after = p.PageInfo.EndCursor
					}
					if !slices.Equal(got, want) {
						t.Fatalf("children %q, want %q", got, want)
					}
				})
			}
		}

		// A cursor made under one orderBy is refused under another, with a
		// message, not as an internal error.
		var first struct {
			Organizations struct {
				Edges []struct {
					Node struct {
						Children childPage `json:"children"`
					} `json:"node"`
				} `json:"edges"`
			} `json:"organizations"`
		}
		e.ok(`query($id: ID!) { organizations(first: 1, where: {id: $id}) { edges { node { children(first: 1, orderBy: {field: NAME}) { edges { node { name } } pageInfo { hasNextPage endCursor } } } } } }`,
			map[string]any{"id": parent.ID}, &first)
		cursor := first.Organizations.Edges[0].Node.Children.PageInfo.EndCursor
		for _, q := range []string{
			`query($after: Cursor) { organizations(first: 1000) { edges { node { children(first: 1, after: $after) { edges { node { name } } } } } } }`,
			`query($id: ID, $after: Cursor) { organizations(first: 1, where: {id: $id}) { edges { node { children(first: 1, after: $after) { edges { node { name } } } } } } }`,
		} {
			e.fails(q, map[string]any{"id": parent.ID, "after": cursor}, "INVALID_CURSOR", "orderBy")
		}
		e.fails(`query($after: Cursor) { organizations(first: 1, after: $after) { edges { node { name } } } }`,
			map[string]any{"after": cursor}, "INVALID_CURSOR", "orderBy")

		// Cursors cannot follow an order on related rows: entgql's cursor
		// condition names the column on the connection's own table.
		for _, q := range []string{
			`query($after: Cursor) { directives(first: 1, after: $after, orderBy: {field: TASKS_COUNT}) { edges { node { symbol } } } }`,
			`query($after: Cursor) { organizations(first: 1) { edges { node { children(first: 1, after: $after, orderBy: [{field: NAME}, {field: CHILDREN_COUNT}]) { edges { node { name } } } } } } }`,
		} {
			e.fails(q, map[string]any{"after": cursor}, "INVALID_CURSOR", "related rows")
		}
	})
}

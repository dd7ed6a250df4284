package server

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chidao/chidao/ent"
	"github.com/chidao/chidao/ent/directive"
	"github.com/chidao/chidao/ent/organization"
	"github.com/chidao/chidao/ent/taskassignment"
	"github.com/chidao/chidao/internal/viewer"
)

// grid fills the database with n organisations, each issuing n directives
// of n tasks, each task assigned to three organisations.
func grid(t testing.TB, client *ent.Client, n int) {
	t.Helper()
	ctx := viewer.NewContext(context.Background(), viewer.System())
	orgs, err := client.Organization.CreateBulk(func() []*ent.OrganizationCreate {
		var b []*ent.OrganizationCreate
		for i := 0; i < n; i++ {
			b = append(b, client.Organization.Create().SetName(fmt.Sprintf("Đảng ủy xã %03d", i)).
				SetSystem(organization.SystemPARTY).SetLevel(organization.LevelCOMMUNE))
		}
		return b
	}()...).Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, o := range orgs {
		var dirs []*ent.DirectiveCreate
		for j := 0; j < n; j++ {
			dirs = append(dirs, client.Directive.Create().SetSymbol(fmt.Sprintf("%d-KH/ĐU", j+1)).SetNumber(j+1).
				SetTypeCode("KH").SetDocType(directive.DocTypeKE_HOACH).SetSystem(directive.SystemPARTY).
				SetIssuerID(o.ID).SetIssueDate(day.AddDate(0, 0, j)))
		}
		ds, err := client.Directive.CreateBulk(dirs...).Save(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var tasks []*ent.TaskCreate
		for _, d := range ds {
			for k := 0; k < n; k++ {
				tasks = append(tasks, client.Task.Create().SetDirectiveID(d.ID).SetSectionPath(fmt.Sprint(k+1)).
					SetOrdinal(k).SetText("Nhiệm vụ").SetDueDate(day.AddDate(0, 3, k)))
			}
		}
		ts, err := client.Task.CreateBulk(tasks...).Save(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var as []*ent.TaskAssignmentCreate
		for k, tk := range ts {
			for r, role := range []taskassignment.Role{taskassignment.RoleLEAD, taskassignment.RoleCOORDINATOR, taskassignment.RoleREPORT_RECIPIENT} {
				as = append(as, client.TaskAssignment.Create().SetTaskID(tk.ID).
					SetOrganizationID(orgs[(i+k+r)%n].ID).SetRole(role))
			}
		}
		if err := client.TaskAssignment.CreateBulk(as...).Exec(ctx); err != nil {
			t.Fatal(err)
		}
	}
}

const nestedQuery = `query($n: Int!) {
  organizations(first: $n, orderBy: {field: NAME}) {
    totalCount
    edges { node {
      name
      issuedDirectives(first: $n, orderBy: {field: ISSUE_DATE, direction: DESC}) {
        totalCount
        edges { node {
          symbol
          tasks(first: $n) {
            totalCount
            edges { node {
              sectionPath status
              assignments(first: $n) { edges { node { role status organization { name } } } }
            } }
          }
        } }
      }
    } }
  }
}`

// Nested selections load without N+1: the statements a nested query sends
// do not grow with its page sizes.
func TestNestedQueryStatementCount(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		e := newEnv(t, dsn, false)
		grid(t, e.db.Client, 8)
		count := func(n int) (int64, int) {
			e.counter.Store(0)
			var out struct {
				Organizations struct {
					Edges []struct {
						Node struct {
							IssuedDirectives struct {
								Edges []struct {
									Node struct {
										Tasks struct {
											Edges []struct {
												Node struct {
													Assignments struct {
														Edges []struct {
															Node struct {
																Organization struct{ Name string }
															}
														}
													}
												}
											}
										}
									}
								}
							} `json:"issuedDirectives"`
						}
					}
				}
			}
			e.ok(nestedQuery, map[string]any{"n": n}, &out)
			rows := 0
			for _, o := range out.Organizations.Edges {
				for _, d := range o.Node.IssuedDirectives.Edges {
					for _, tk := range d.Node.Tasks.Edges {
						for _, a := range tk.Node.Assignments.Edges {
							if a.Node.Organization.Name == "" {
								t.Fatal("assignment without organisation name")
							}
							rows++
						}
					}
				}
			}
			return e.counter.Load(), rows
		}
		count(2) // warm up: the token's first use is recorded once
		small, smallRows := count(2)
		large, largeRows := count(8)
		if smallRows != 2*2*2*2 || largeRows != 8*8*8*3 {
			t.Fatalf("rows: %d and %d", smallRows, largeRows)
		}
		t.Logf("statements: %d for pages of 2 (%d assignments), %d for pages of 8 (%d assignments)", small, smallRows, large, largeRows)
		if small != large {
			t.Fatalf("statement count grows with page size: %d → %d (N+1)", small, large)
		}
		if large > 12 {
			t.Fatalf("%d statements for a 5-level query; expected a small constant", large)
		}
	})
}

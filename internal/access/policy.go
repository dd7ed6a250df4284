package access

import (
	"context"
	"slices"

	"entgo.io/ent"
	"entgo.io/ent/dialect/sql"

	gen "github.com/chidao/chidao/ent"
	"github.com/chidao/chidao/ent/directive"
	"github.com/chidao/chidao/ent/organization"
	"github.com/chidao/chidao/ent/person"
	"github.com/chidao/chidao/ent/privacy"
	"github.com/chidao/chidao/ent/report"
	"github.com/chidao/chidao/ent/savedquery"
	"github.com/chidao/chidao/ent/task"
	"github.com/chidao/chidao/ent/taskassignment"
	"github.com/chidao/chidao/internal/viewer"
)

// Reasons given with denials; the GraphQL layer reports them with code
// FORBIDDEN or UNAUTHENTICATED.
var (
	ErrUnauthenticated = privacy.Denyf("sign in first: no valid session or token")
	ErrReadOnly        = privacy.Denyf("your role may not change data")
	ErrNotAdmin        = privacy.Denyf("only administrators may do this")
)

// who returns the viewer, refusing anonymous callers.
func who(ctx context.Context) (*viewer.Viewer, error) {
	v := viewer.FromContext(ctx)
	if v == nil {
		return nil, ErrUnauthenticated
	}
	return v, nil
}

func isAdmin(v *viewer.Viewer) bool { return v.Role == viewer.RoleAdmin || v.Role == viewer.RoleSystem }

// graphWriter allows administrators and editors, and no one else, to
// change the directive graph.
func graphWriter(ctx context.Context) (*viewer.Viewer, error) {
	v, err := who(ctx)
	if err != nil {
		return nil, err
	}
	if isAdmin(v) || v.Role == viewer.RoleEditor {
		return v, nil
	}
	return nil, ErrReadOnly
}

// mustSee checks, with the viewer's own visibility (the query runs under
// its rules), that a referenced row is one it may see; a reference to
// anything else is refused.
func mustSee(ctx context.Context, q interface {
	Exist(context.Context) (bool, error)
}, what string) error {
	ok, err := q.Exist(ctx)
	if err != nil {
		return err
	}
	if !ok {
		return privacy.Denyf("%s is not visible to you", what)
	}
	return nil
}

// visibleOnly is the query rule of most entities: signed-in callers read
// the rows the visibility function allows them.
func visibleOnly[Q interface{ Where(...P) Q }, P ~func(*sql.Selector)](visible func(*viewer.Viewer) P) func(context.Context, Q) error {
	return func(ctx context.Context, q Q) error {
		v, err := who(ctx)
		if err != nil {
			return err
		}
		if p := visible(v); p != nil {
			q.Where(p)
		}
		return privacy.Allow
	}
}

// OrganizationPolicy: everyone signed in reads their subtree; editors
// change organisations within it.
func OrganizationPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{privacy.OrganizationQueryRuleFunc(visibleOnly[*gen.OrganizationQuery](OrgVisible))},
		Mutation: privacy.MutationPolicy{privacy.OrganizationMutationRuleFunc(func(ctx context.Context, m *gen.OrganizationMutation) error {
			v, err := graphWriter(ctx)
			if err != nil {
				return err
			}
			if sid, ok := m.SuccessorID(); ok {
				if err := mustSee(ctx, m.Client().Organization.Query().Where(organization.ID(sid)), "the successor"); err != nil {
					return err
				}
			}
			if v.Scoped() {
				if pid, ok := m.ParentID(); ok {
					if err := mustSee(ctx, m.Client().Organization.Query().Where(organization.ID(pid)), "the parent organisation"); err != nil {
						return err
					}
				} else if m.Op().Is(ent.OpCreate) || m.ParentCleared() {
					return privacy.Denyf("a scoped account may only place organisations inside its subtree")
				}
				if !m.Op().Is(ent.OpCreate) {
					m.Where(OrgVisible(v))
				}
			}
			return privacy.Allow
		})},
	}
}

// DirectivePolicy: directives within clearance and scope; editors write
// them, never above their clearance.
func DirectivePolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{privacy.DirectiveQueryRuleFunc(visibleOnly[*gen.DirectiveQuery](DirectiveVisible))},
		Mutation: privacy.MutationPolicy{privacy.DirectiveMutationRuleFunc(func(ctx context.Context, m *gen.DirectiveMutation) error {
			v, err := graphWriter(ctx)
			if err != nil {
				return err
			}
			if s, ok := m.Secrecy(); ok && viewer.SecrecyRank(string(s)) > viewer.SecrecyRank(v.Clearance) {
				return privacy.Denyf("secrecy %s is above your clearance", s)
			}
			if v.Scoped() {
				if id, ok := m.IssuerID(); ok {
					if err := mustSee(ctx, m.Client().Organization.Query().Where(organization.ID(id)), "the issuer"); err != nil {
						return err
					}
				} else if m.Op().Is(ent.OpCreate) {
					return privacy.Denyf("a scoped account must give an issuer inside its subtree")
				}
			}
			if oid, ok := m.ActingBodyID(); ok {
				if err := mustSee(ctx, m.Client().Organization.Query().Where(organization.ID(oid)), "the acting body"); err != nil {
					return err
				}
			}
			if pid, ok := m.SignerID(); ok {
				if err := mustSee(ctx, m.Client().Person.Query().Where(person.ID(pid)), "the signer"); err != nil {
					return err
				}
			}
			if !m.Op().Is(ent.OpCreate) {
				if p := DirectiveWritable(v); p != nil {
					m.Where(p)
				}
			}
			return privacy.Allow
		})},
	}
}

// directiveChildWrite guards rows that belong to a directive (tasks,
// recipients, references): readable when the directive is, written by
// editors who can see the directive.
func directiveChildWrite(ctx context.Context, c *gen.Client, directiveID int, set bool, create bool) error {
	v, err := graphWriter(ctx)
	if err != nil {
		return err
	}
	if set {
		q := c.Directive.Query().Where(directive.ID(directiveID))
		if p := DirectiveWritable(v); p != nil {
			q.Where(p)
		}
		return mustSee(ctx, q, "the directive (one you may edit)")
	}
	if create && !isAdmin(v) && DirectiveVisible(v) != nil {
		return privacy.Denyf("the directive is required")
	}
	return nil
}

// TaskPolicy follows the directive.
func TaskPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{privacy.TaskQueryRuleFunc(visibleOnly[*gen.TaskQuery](TaskVisible))},
		Mutation: privacy.MutationPolicy{privacy.TaskMutationRuleFunc(func(ctx context.Context, m *gen.TaskMutation) error {
			id, set := m.DirectiveID()
			if err := directiveChildWrite(ctx, m.Client(), id, set, m.Op().Is(ent.OpCreate)); err != nil {
				return err
			}
			if tid, ok := m.ImplementsID(); ok {
				if err := mustSee(ctx, m.Client().Task.Query().Where(task.ID(tid)), "the upper-level task"); err != nil {
					return err
				}
			}
			if pid, ok := m.ParentID(); ok {
				q := m.Client().Task.Query().Where(task.ID(pid))
				if p := TaskWritable(viewer.FromContext(ctx)); p != nil {
					q.Where(p)
				}
				if err := mustSee(ctx, q, "the parent task"); err != nil {
					return err
				}
			}
			if v := viewer.FromContext(ctx); !m.Op().Is(ent.OpCreate) {
				if p := TaskWritable(v); p != nil {
					m.Where(p)
				}
			}
			return privacy.Allow
		})},
	}
}

// RecipientPolicy follows the directive.
func RecipientPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{privacy.RecipientQueryRuleFunc(visibleOnly[*gen.RecipientQuery](RecipientVisible))},
		Mutation: privacy.MutationPolicy{privacy.RecipientMutationRuleFunc(func(ctx context.Context, m *gen.RecipientMutation) error {
			id, set := m.DirectiveID()
			if err := directiveChildWrite(ctx, m.Client(), id, set, m.Op().Is(ent.OpCreate)); err != nil {
				return err
			}
			if oid, ok := m.OrganizationID(); ok {
				if err := mustSee(ctx, m.Client().Organization.Query().Where(organization.ID(oid)), "the organisation"); err != nil {
					return err
				}
			}
			if v := viewer.FromContext(ctx); !m.Op().Is(ent.OpCreate) {
				if p := RecipientWritable(v); p != nil {
					m.Where(p)
				}
			}
			return privacy.Allow
		})},
	}
}

// ReferencePolicy follows the citing directive.
func ReferencePolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{privacy.DirectiveReferenceQueryRuleFunc(visibleOnly[*gen.DirectiveReferenceQuery](ReferenceVisible))},
		Mutation: privacy.MutationPolicy{privacy.DirectiveReferenceMutationRuleFunc(func(ctx context.Context, m *gen.DirectiveReferenceMutation) error {
			id, set := m.SourceID()
			if err := directiveChildWrite(ctx, m.Client(), id, set, m.Op().Is(ent.OpCreate)); err != nil {
				return err
			}
			if tid, ok := m.TargetID(); ok {
				if err := mustSee(ctx, m.Client().Directive.Query().Where(directive.ID(tid)), "the cited directive"); err != nil {
					return err
				}
			}
			if v := viewer.FromContext(ctx); !m.Op().Is(ent.OpCreate) {
				if p := ReferenceWritable(v); p != nil {
					m.Where(p)
				}
			}
			return privacy.Allow
		})},
	}
}

// reporterFields are what a reporter may change on its assignments.
var reporterFields = []string{taskassignment.FieldProgress, taskassignment.FieldProgressNote, taskassignment.FieldCompletedAt, taskassignment.FieldUpdatedAt}

// AssignmentPolicy: editors write assignments; reporters update the
// progress of their subtree's assignments, nothing else.
func AssignmentPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{privacy.TaskAssignmentQueryRuleFunc(visibleOnly[*gen.TaskAssignmentQuery](AssignmentVisible))},
		Mutation: privacy.MutationPolicy{privacy.TaskAssignmentMutationRuleFunc(func(ctx context.Context, m *gen.TaskAssignmentMutation) error {
			v, err := who(ctx)
			if err != nil {
				return err
			}
			if v.Role == viewer.RoleReporter {
				if !m.Op().Is(ent.OpUpdateOne) {
					return privacy.Denyf("a reporter may only update the progress of its assignments")
				}
				for _, f := range m.Fields() {
					if !slices.Contains(reporterFields, f) {
						return privacy.Denyf("a reporter may not change %s", f)
					}
				}
				for _, f := range m.ClearedFields() {
					if !slices.Contains(reporterFields, f) {
						return privacy.Denyf("a reporter may not clear %s", f)
					}
				}
				if len(m.AddedEdges()) > 0 || len(m.ClearedEdges()) > 0 {
					return privacy.Denyf("a reporter may only update the progress of its assignments")
				}
				if p := AssignmentVisible(v); p != nil {
					m.Where(p)
				}
				return privacy.Allow
			}
			if _, err := graphWriter(ctx); err != nil {
				return err
			}
			if tid, ok := m.TaskID(); ok {
				q := m.Client().Task.Query().Where(task.ID(tid))
				if p := TaskWritable(v); p != nil {
					q.Where(p)
				}
				if err := mustSee(ctx, q, "the task (one you may edit)"); err != nil {
					return err
				}
			}
			if oid, ok := m.OrganizationID(); ok && v.Scoped() {
				if err := mustSee(ctx, m.Client().Organization.Query().Where(organization.ID(oid)), "the organisation"); err != nil {
					return err
				}
			}
			if !m.Op().Is(ent.OpCreate) {
				if p := AssignmentWritable(v); p != nil {
					m.Where(p)
				}
			}
			return privacy.Allow
		})},
	}
}

// ExtensionPolicy follows the assignment; editors write extensions.
func ExtensionPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{privacy.DeadlineExtensionQueryRuleFunc(visibleOnly[*gen.DeadlineExtensionQuery](ExtensionVisible))},
		Mutation: privacy.MutationPolicy{privacy.DeadlineExtensionMutationRuleFunc(func(ctx context.Context, m *gen.DeadlineExtensionMutation) error {
			v, err := graphWriter(ctx)
			if err != nil {
				return err
			}
			if aid, ok := m.AssignmentID(); ok {
				q := m.Client().TaskAssignment.Query().Where(taskassignment.ID(aid))
				if p := AssignmentWritable(v); p != nil {
					q.Where(p)
				}
				if err := mustSee(ctx, q, "the assignment (one you may edit)"); err != nil {
					return err
				}
			}
			if !m.Op().Is(ent.OpCreate) {
				if p := ExtensionWritable(v); p != nil {
					m.Where(p)
				}
			}
			return privacy.Allow
		})},
	}
}

// ReportPolicy: reporters write their subtree's reports (but not their
// review); editors review them.
func ReportPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{privacy.ReportQueryRuleFunc(visibleOnly[*gen.ReportQuery](ReportVisible))},
		Mutation: privacy.MutationPolicy{privacy.ReportMutationRuleFunc(func(ctx context.Context, m *gen.ReportMutation) error {
			v, err := who(ctx)
			if err != nil {
				return err
			}
			switch v.Role {
			case viewer.RoleReporter:
				if s, ok := m.ReviewState(); ok && s != report.ReviewStateDRAFT && s != report.ReviewStateSUBMITTED {
					return privacy.Denyf("a reporter may not review reports")
				}
				if _, ok := m.ReviewNote(); ok {
					return privacy.Denyf("a reporter may not review reports")
				}
				if _, ok := m.ReviewedAt(); ok || m.ReviewNoteCleared() || m.ReviewedAtCleared() {
					return privacy.Denyf("a reporter may not review reports")
				}
				if !m.Op().Is(ent.OpCreate) {
					// An accepted report is closed: only a reviewer reopens it.
					m.Where(report.ReviewStateNEQ(report.ReviewStateACCEPTED))
				}
			case viewer.RoleAdmin, viewer.RoleSystem, viewer.RoleEditor:
			default:
				return ErrReadOnly
			}
			c := m.Client()
			if oid, ok := m.OrganizationID(); ok {
				if err := mustSee(ctx, c.Organization.Query().Where(organization.ID(oid)), "the reporting organisation"); err != nil {
					return err
				}
			}
			if tid, ok := m.TaskID(); ok {
				if err := mustSee(ctx, c.Task.Query().Where(task.ID(tid)), "the task"); err != nil {
					return err
				}
			}
			if did, ok := m.DirectiveID(); ok {
				if err := mustSee(ctx, c.Directive.Query().Where(directive.ID(did)), "the directive"); err != nil {
					return err
				}
			}
			if aid, ok := m.AssignmentID(); ok {
				if err := mustSee(ctx, c.TaskAssignment.Query().Where(taskassignment.ID(aid)), "the assignment"); err != nil {
					return err
				}
			}
			if !m.Op().Is(ent.OpCreate) {
				if p := ReportVisible(v); p != nil {
					m.Where(p)
				}
			}
			return privacy.Allow
		})},
	}
}

// MembershipPolicy: posts in scope; editors write them.
func MembershipPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{privacy.MembershipQueryRuleFunc(visibleOnly[*gen.MembershipQuery](MembershipVisible))},
		Mutation: privacy.MutationPolicy{privacy.MembershipMutationRuleFunc(func(ctx context.Context, m *gen.MembershipMutation) error {
			v, err := graphWriter(ctx)
			if err != nil {
				return err
			}
			if oid, ok := m.OrganizationID(); ok && v.Scoped() {
				if err := mustSee(ctx, m.Client().Organization.Query().Where(organization.ID(oid)), "the organisation"); err != nil {
					return err
				}
			}
			if pid, ok := m.PersonID(); ok {
				if err := mustSee(ctx, m.Client().Person.Query().Where(person.ID(pid)), "the person"); err != nil {
					return err
				}
			}
			if !m.Op().Is(ent.OpCreate) {
				if p := MembershipVisible(v); p != nil {
					m.Where(p)
				}
			}
			return privacy.Allow
		})},
	}
}

// PersonPolicy: people with a post in scope; editors write them.
func PersonPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{privacy.PersonQueryRuleFunc(visibleOnly[*gen.PersonQuery](PersonVisible))},
		Mutation: privacy.MutationPolicy{privacy.PersonMutationRuleFunc(func(ctx context.Context, m *gen.PersonMutation) error {
			v, err := graphWriter(ctx)
			if err != nil {
				return err
			}
			if !m.Op().Is(ent.OpCreate) {
				if p := PersonVisible(v); p != nil {
					m.Where(p)
				}
			}
			return privacy.Allow
		})},
	}
}

// UserPolicy: administrators manage accounts; everyone reads their own.
func UserPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{privacy.UserQueryRuleFunc(func(ctx context.Context, q *gen.UserQuery) error {
			v, err := who(ctx)
			if err != nil {
				return err
			}
			if v.Role == viewer.RoleEmbed {
				return privacy.Denyf("embed tokens read only their saved query")
			}
			if p := UserVisible(v); p != nil {
				q.Where(p)
			}
			return privacy.Allow
		})},
		Mutation: privacy.MutationPolicy{privacy.MutationRuleFunc(func(ctx context.Context, _ gen.Mutation) error {
			v, err := who(ctx)
			if err != nil {
				return err
			}
			if !isAdmin(v) {
				return ErrNotAdmin
			}
			return privacy.Allow
		})},
	}
}

// SystemOnlyPolicy guards rows only the server itself touches (sessions).
func SystemOnlyPolicy() ent.Policy {
	rule := privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if v := viewer.FromContext(ctx); v != nil && v.Role == viewer.RoleSystem {
			return privacy.Allow
		}
		return privacy.Denyf("internal records")
	})
	return privacy.Policy{Query: privacy.QueryPolicy{rule}, Mutation: privacy.MutationPolicy{rule}}
}

// TokenPolicy: users create and revoke their own tokens; administrators any.
func TokenPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{privacy.APITokenQueryRuleFunc(func(ctx context.Context, q *gen.APITokenQuery) error {
			v, err := who(ctx)
			if err != nil {
				return err
			}
			if v.Role == viewer.RoleEmbed {
				return privacy.Denyf("embed tokens read only their saved query")
			}
			if p := TokenVisible(v); p != nil {
				q.Where(p)
			}
			return privacy.Allow
		})},
		Mutation: privacy.MutationPolicy{privacy.APITokenMutationRuleFunc(func(ctx context.Context, m *gen.APITokenMutation) error {
			v, err := who(ctx)
			if err != nil {
				return err
			}
			if isAdmin(v) {
				return privacy.Allow
			}
			if v.Role == viewer.RoleEmbed {
				return ErrReadOnly
			}
			if uid, ok := m.UserID(); ok && uid != v.UserID {
				return privacy.Denyf("you may only create tokens for yourself")
			}
			if !m.Op().Is(ent.OpCreate) {
				m.Where(TokenVisible(v))
			}
			return privacy.Allow
		})},
	}
}

// SavedQueryPolicy: owners write their saved queries; shared ones are read
// by every signed-in user.
func SavedQueryPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{privacy.SavedQueryQueryRuleFunc(visibleOnly[*gen.SavedQueryQuery](SavedQueryVisible))},
		Mutation: privacy.MutationPolicy{privacy.SavedQueryMutationRuleFunc(func(ctx context.Context, m *gen.SavedQueryMutation) error {
			v, err := who(ctx)
			if err != nil {
				return err
			}
			if isAdmin(v) {
				return privacy.Allow
			}
			if v.Role == viewer.RoleEmbed {
				return ErrReadOnly
			}
			if oid, ok := m.OwnerID(); ok && oid != v.UserID {
				return privacy.Denyf("you may only save queries as yourself")
			}
			if !m.Op().Is(ent.OpCreate) {
				m.Where(savedquery.OwnerID(v.UserID))
			}
			return privacy.Allow
		})},
	}
}

// AuditPolicy: administrators read the audit log; no one changes it. The
// audit hook writes records with an explicit allow decision.
func AuditPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{privacy.ContextQueryMutationRule(func(ctx context.Context) error {
			v, err := who(ctx)
			if err != nil {
				return err
			}
			if !isAdmin(v) {
				return ErrNotAdmin
			}
			return privacy.Allow
		})},
		Mutation: privacy.MutationPolicy{privacy.MutationRuleFunc(func(ctx context.Context, m gen.Mutation) error {
			if !m.Op().Is(ent.OpCreate) {
				return privacy.Denyf("the audit log is append-only")
			}
			return privacy.Denyf("audit records are written by the server only")
		})},
	}
}

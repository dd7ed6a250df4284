// Package access holds chidao's access rules: which rows a viewer may read
// and which changes it may make. The rules are ent privacy policies (see
// ent/schema/*.go Policy methods), so they apply to every path into the
// data — root lists, nested edges, node(id), counts, mutations — and to
// filters on edges (graph: the @visible directive adds the same
// predicates inside hasXWith filters).
package access

import (
	"github.com/chidao/chidao/ent/apitoken"
	"github.com/chidao/chidao/ent/deadlineextension"
	"github.com/chidao/chidao/ent/directive"
	"github.com/chidao/chidao/ent/directivereference"
	"github.com/chidao/chidao/ent/membership"
	"github.com/chidao/chidao/ent/organization"
	"github.com/chidao/chidao/ent/person"
	"github.com/chidao/chidao/ent/predicate"
	"github.com/chidao/chidao/ent/recipient"
	"github.com/chidao/chidao/ent/report"
	"github.com/chidao/chidao/ent/savedquery"
	"github.com/chidao/chidao/ent/task"
	"github.com/chidao/chidao/ent/taskassignment"
	"github.com/chidao/chidao/ent/user"
	"github.com/chidao/chidao/internal/viewer"
)

// The functions below return the predicate a viewer's rows must satisfy,
// or nil when the viewer sees every row of the type. They are the single
// definition of visibility: the privacy policies and the edge-filter
// directive both use them.

// OrgVisible: organisations in the viewer's subtree.
func OrgVisible(v *viewer.Viewer) predicate.Organization {
	if !v.Scoped() {
		return nil
	}
	return organization.PathHasPrefix(v.ScopePath)
}

// DirectiveVisible: directives within the viewer's clearance and, for a
// scoped viewer, issued by, addressed to or assigning work to its subtree.
func DirectiveVisible(v *viewer.Viewer) predicate.Directive {
	var ps []predicate.Directive
	if viewer.SecrecyRank(v.Clearance) < 3 {
		var levels []directive.Secrecy
		for _, l := range viewer.SecrecyLevels(v.Clearance) {
			levels = append(levels, directive.Secrecy(l))
		}
		ps = append(ps, directive.SecrecyIn(levels...))
	}
	if org := OrgVisible(v); org != nil {
		ps = append(ps, directive.Or(
			directive.HasIssuerWith(org),
			directive.HasRecipientsWith(recipient.HasOrganizationWith(org)),
			directive.HasTasksWith(task.HasAssignmentsWith(taskassignment.HasOrganizationWith(org))),
		))
	}
	return andDirective(ps)
}

func andDirective(ps []predicate.Directive) predicate.Directive {
	switch len(ps) {
	case 0:
		return nil
	case 1:
		return ps[0]
	}
	return directive.And(ps...)
}

// TaskVisible: tasks of visible directives.
func TaskVisible(v *viewer.Viewer) predicate.Task {
	if d := DirectiveVisible(v); d != nil {
		return task.HasDirectiveWith(d)
	}
	return nil
}

// AssignmentVisible: assignments of visible tasks to organisations in scope.
func AssignmentVisible(v *viewer.Viewer) predicate.TaskAssignment {
	var ps []predicate.TaskAssignment
	if t := TaskVisible(v); t != nil {
		ps = append(ps, taskassignment.HasTaskWith(t))
	}
	if o := OrgVisible(v); o != nil {
		ps = append(ps, taskassignment.HasOrganizationWith(o))
	}
	switch len(ps) {
	case 0:
		return nil
	case 1:
		return ps[0]
	}
	return taskassignment.And(ps...)
}

// ExtensionVisible: deadline extensions of visible assignments.
func ExtensionVisible(v *viewer.Viewer) predicate.DeadlineExtension {
	if a := AssignmentVisible(v); a != nil {
		return deadlineextension.HasAssignmentWith(a)
	}
	return nil
}

// RecipientVisible: address lines of visible directives.
func RecipientVisible(v *viewer.Viewer) predicate.Recipient {
	if d := DirectiveVisible(v); d != nil {
		return recipient.HasDirectiveWith(d)
	}
	return nil
}

// ReferenceVisible: citations made by visible directives.
func ReferenceVisible(v *viewer.Viewer) predicate.DirectiveReference {
	if d := DirectiveVisible(v); d != nil {
		return directivereference.HasSourceWith(d)
	}
	return nil
}

// ReportVisible: reports of organisations in scope about visible directives
// and tasks.
func ReportVisible(v *viewer.Viewer) predicate.Report {
	var ps []predicate.Report
	if o := OrgVisible(v); o != nil {
		ps = append(ps, report.HasOrganizationWith(o))
	}
	if d := DirectiveVisible(v); d != nil {
		ps = append(ps,
			report.Or(report.DirectiveIDIsNil(), report.HasDirectiveWith(d)),
			report.Or(report.TaskIDIsNil(), report.HasTaskWith(task.HasDirectiveWith(d))),
		)
	}
	switch len(ps) {
	case 0:
		return nil
	case 1:
		return ps[0]
	}
	return report.And(ps...)
}

// MembershipVisible: posts in organisations in scope.
func MembershipVisible(v *viewer.Viewer) predicate.Membership {
	if o := OrgVisible(v); o != nil {
		return membership.HasOrganizationWith(o)
	}
	return nil
}

// PersonVisible: people holding a post in scope.
func PersonVisible(v *viewer.Viewer) predicate.Person {
	if m := MembershipVisible(v); m != nil {
		return person.HasMembershipsWith(m)
	}
	return nil
}

// UserVisible: administrators see every account, others their own.
func UserVisible(v *viewer.Viewer) predicate.User {
	if v.Role == viewer.RoleAdmin || v.Role == viewer.RoleSystem {
		return nil
	}
	return user.ID(v.UserID)
}

// TokenVisible: administrators see every token, others their own.
func TokenVisible(v *viewer.Viewer) predicate.APIToken {
	if v.Role == viewer.RoleAdmin || v.Role == viewer.RoleSystem {
		return nil
	}
	return apitoken.UserID(v.UserID)
}

// SavedQueryVisible: administrators see every saved query; an embed viewer
// only its own; others their own and the shared ones.
func SavedQueryVisible(v *viewer.Viewer) predicate.SavedQuery {
	switch v.Role {
	case viewer.RoleAdmin, viewer.RoleSystem:
		return nil
	case viewer.RoleEmbed:
		return savedquery.ID(v.SavedQueryID)
	}
	return savedquery.Or(savedquery.OwnerID(v.UserID), savedquery.SharingEQ(savedquery.SharingSHARED))
}

// The functions below return what an editor may change: what it sees, and
// for a scoped editor only documents issued inside its subtree (a document
// merely addressed to the subtree is read, not edited), with their tasks,
// address lines, citations, assignments and extensions.

// DirectiveWritable: visible and, when scoped, issued inside the subtree.
func DirectiveWritable(v *viewer.Viewer) predicate.Directive {
	vis := DirectiveVisible(v)
	org := OrgVisible(v)
	if org == nil {
		return vis
	}
	own := directive.HasIssuerWith(org)
	if vis == nil {
		return own
	}
	return directive.And(vis, own)
}

// TaskWritable: tasks of writable directives.
func TaskWritable(v *viewer.Viewer) predicate.Task {
	if d := DirectiveWritable(v); d != nil {
		return task.HasDirectiveWith(d)
	}
	return nil
}

// RecipientWritable: address lines of writable directives.
func RecipientWritable(v *viewer.Viewer) predicate.Recipient {
	if d := DirectiveWritable(v); d != nil {
		return recipient.HasDirectiveWith(d)
	}
	return nil
}

// ReferenceWritable: citations made by writable directives.
func ReferenceWritable(v *viewer.Viewer) predicate.DirectiveReference {
	if d := DirectiveWritable(v); d != nil {
		return directivereference.HasSourceWith(d)
	}
	return nil
}

// AssignmentWritable: assignments of writable tasks (to organisations the
// editor sees).
func AssignmentWritable(v *viewer.Viewer) predicate.TaskAssignment {
	var ps []predicate.TaskAssignment
	if t := TaskWritable(v); t != nil {
		ps = append(ps, taskassignment.HasTaskWith(t))
	}
	if o := OrgVisible(v); o != nil {
		ps = append(ps, taskassignment.HasOrganizationWith(o))
	}
	switch len(ps) {
	case 0:
		return nil
	case 1:
		return ps[0]
	}
	return taskassignment.And(ps...)
}

// ExtensionWritable: extensions of writable assignments.
func ExtensionWritable(v *viewer.Viewer) predicate.DeadlineExtension {
	if a := AssignmentWritable(v); a != nil {
		return deadlineextension.HasAssignmentWith(a)
	}
	return nil
}

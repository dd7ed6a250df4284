// Package access holds chidao's access rules: which rows a viewer may read
// and which changes it may make. The rules are ent privacy policies (see
// ent/schema/*.go Policy methods), so they apply to every path into the
// data — root lists, nested edges, node(id), counts, mutations — and to
// filters on edges (graph: the @visible directive adds the same
// predicates inside hasXWith filters).
package access

import (
	"entgo.io/ent/dialect/sql"

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
	var secrecy, scope predicate.Directive
	if viewer.SecrecyRank(v.Clearance) < 3 {
		var levels []directive.Secrecy
		for _, l := range viewer.SecrecyLevels(v.Clearance) {
			levels = append(levels, directive.Secrecy(l))
		}
		secrecy = directive.SecrecyIn(levels...)
	}
	if org := OrgVisible(v); org != nil {
		scope = directive.Or(
			directive.HasIssuerWith(org),
			directive.HasRecipientsWith(recipient.HasOrganizationWith(org)),
			directive.HasTasksWith(task.HasAssignmentsWith(taskassignment.HasOrganizationWith(org))),
		)
	}
	return all(directive.And, secrecy, scope)
}

// TaskVisible: tasks of visible directives.
func TaskVisible(v *viewer.Viewer) predicate.Task {
	return through(task.HasDirectiveWith, DirectiveVisible(v))
}

// AssignmentVisible: assignments of visible tasks to organisations in scope.
func AssignmentVisible(v *viewer.Viewer) predicate.TaskAssignment {
	return all(taskassignment.And,
		through(taskassignment.HasTaskWith, TaskVisible(v)),
		through(taskassignment.HasOrganizationWith, OrgVisible(v)))
}

// ExtensionVisible: deadline extensions of visible assignments.
func ExtensionVisible(v *viewer.Viewer) predicate.DeadlineExtension {
	return through(deadlineextension.HasAssignmentWith, AssignmentVisible(v))
}

// RecipientVisible: address lines of visible directives.
func RecipientVisible(v *viewer.Viewer) predicate.Recipient {
	return through(recipient.HasDirectiveWith, DirectiveVisible(v))
}

// ReferenceVisible: citations made by visible directives.
func ReferenceVisible(v *viewer.Viewer) predicate.DirectiveReference {
	return through(directivereference.HasSourceWith, DirectiveVisible(v))
}

// ReportVisible: reports of organisations in scope about visible directives
// and tasks.
func ReportVisible(v *viewer.Viewer) predicate.Report {
	var about, ofTask predicate.Report
	if d := DirectiveVisible(v); d != nil {
		about = report.Or(report.DirectiveIDIsNil(), report.HasDirectiveWith(d))
		ofTask = report.Or(report.TaskIDIsNil(), report.HasTaskWith(task.HasDirectiveWith(d)))
	}
	return all(report.And, through(report.HasOrganizationWith, OrgVisible(v)), about, ofTask)
}

// MembershipVisible: posts in organisations in scope.
func MembershipVisible(v *viewer.Viewer) predicate.Membership {
	return through(membership.HasOrganizationWith, OrgVisible(v))
}

// PersonVisible: people holding a post in scope.
func PersonVisible(v *viewer.Viewer) predicate.Person {
	return through(person.HasMembershipsWith, MembershipVisible(v))
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
	return all(directive.And, DirectiveVisible(v), through(directive.HasIssuerWith, OrgVisible(v)))
}

// TaskWritable: tasks of writable directives.
func TaskWritable(v *viewer.Viewer) predicate.Task {
	return through(task.HasDirectiveWith, DirectiveWritable(v))
}

// RecipientWritable: address lines of writable directives.
func RecipientWritable(v *viewer.Viewer) predicate.Recipient {
	return through(recipient.HasDirectiveWith, DirectiveWritable(v))
}

// ReferenceWritable: citations made by writable directives.
func ReferenceWritable(v *viewer.Viewer) predicate.DirectiveReference {
	return through(directivereference.HasSourceWith, DirectiveWritable(v))
}

// AssignmentWritable: assignments of writable tasks (to organisations the
// editor sees).
func AssignmentWritable(v *viewer.Viewer) predicate.TaskAssignment {
	return all(taskassignment.And,
		through(taskassignment.HasTaskWith, TaskWritable(v)),
		through(taskassignment.HasOrganizationWith, OrgVisible(v)))
}

// ExtensionWritable: extensions of writable assignments.
func ExtensionWritable(v *viewer.Viewer) predicate.DeadlineExtension {
	return through(deadlineextension.HasAssignmentWith, AssignmentWritable(v))
}

// through carries a predicate across an edge (has(p)); nil, "every row",
// stays nil so that unrestricted viewers get no filter at all.
func through[P, Q ~func(*sql.Selector)](has func(...P) Q, p P) Q {
	if p == nil {
		return nil
	}
	return has(p)
}

// all joins the non-nil predicates with and; nil when none is left.
func all[P ~func(*sql.Selector)](and func(...P) P, ps ...P) P {
	var kept []P
	for _, p := range ps {
		if p != nil {
			kept = append(kept, p)
		}
	}
	switch len(kept) {
	case 0:
		return nil
	case 1:
		return kept[0]
	}
	return and(kept...)
}

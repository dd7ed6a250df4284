package graph

import (
	"github.com/chidao/chidao/ent/apitoken"
	"github.com/chidao/chidao/ent/auditrecord"
	"github.com/chidao/chidao/ent/deadlineextension"
	"github.com/chidao/chidao/ent/directive"
	"github.com/chidao/chidao/ent/directivereference"
	"github.com/chidao/chidao/ent/membership"
	"github.com/chidao/chidao/ent/migrate"
	"github.com/chidao/chidao/ent/organization"
	"github.com/chidao/chidao/ent/person"
	"github.com/chidao/chidao/ent/recipient"
	"github.com/chidao/chidao/ent/report"
	"github.com/chidao/chidao/ent/savedquery"
	"github.com/chidao/chidao/ent/session"
	"github.com/chidao/chidao/ent/task"
	"github.com/chidao/chidao/ent/taskassignment"
	"github.com/chidao/chidao/ent/user"
	"github.com/chidao/chidao/internal/gid"
)

// nodeTypes names the GraphQL type of each table, so global ids carry it.
var nodeTypes = map[string]string{
	deadlineextension.Table:  "DeadlineExtension",
	directive.Table:          "Directive",
	directivereference.Table: "DirectiveReference",
	membership.Table:         "Membership",
	organization.Table:       "Organization",
	person.Table:             "Person",
	recipient.Table:          "Recipient",
	report.Table:             "Report",
	task.Table:               "Task",
	taskassignment.Table:     "TaskAssignment",
	user.Table:               "User",
	session.Table:            "Session",
	apitoken.Table:           "APIToken",
	savedquery.Table:         "SavedQuery",
	auditrecord.Table:        "AuditRecord",
}

func init() {
	for _, t := range migrate.Tables {
		if t.Annotation == nil || t.Annotation.IncrementStart == nil {
			continue
		}
		if name, ok := nodeTypes[t.Name]; ok {
			gid.Register(*t.Annotation.IncrementStart, name)
		}
	}
}

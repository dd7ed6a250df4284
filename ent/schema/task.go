package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"github.com/chidao/chidao/internal/access"
)

// Task is a duty a directive hands out, numbered as in its text. Tasks nest
// (sub-sections) and link to the upper-level task they carry out, which is
// the cascade at task level.
type Task struct {
	ent.Schema
}

// Mixin of the Task.
func (Task) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AuditMixin{}} }

// Fields of the Task.
func (Task) Fields() []ent.Field {
	return []ent.Field{
		field.Int("directive_id").Annotations(hideID),
		field.Int("parent_id").Annotations(hideID).Optional().Nillable(),
		field.Int("implements_id").Annotations(hideID).Optional().Nillable(),
		field.String("section_path").
			MaxLen(maxCode).
			Comment("The number as printed, with its sections: 5, III.1, B.I.2.a").
			Annotations(entgql.OrderField("SECTION_PATH")),
		field.Int("ordinal").
			Default(0).
			Comment("Position within the document, for ordering").
			Annotations(entgql.OrderField("ORDINAL")),
		field.Text("text").
			NotEmpty().MaxLen(maxMedium),
		field.String("summary").
			Optional().MaxLen(maxName).
			Annotations(entgql.OrderField("SUMMARY")),
		field.Enum("kind").
			Values("ONE_OFF", "RECURRING", "CONTINUOUS", "CONDITIONAL", "MONITORING").
			Default("ONE_OFF").
			Annotations(entgql.OrderField("KIND")),
		field.Enum("deadline_kind").
			Values("EXACT_DATE", "BY_MONTH", "BY_QUARTER", "BY_YEAR", "DATE_RANGE",
				"RECURRING", "EVENT_BOUND", "ASAP", "NONE").
			Default("NONE").
			Annotations(entgql.OrderField("DEADLINE_KIND")),
		field.Time("due_date").
			Optional().Nillable().
			Comment("Normalised upper bound of the deadline: 'Quý IV/2025' is 2025-12-31").
			Annotations(entgql.OrderField("DUE_DATE")),
		field.String("due_text").
			Optional().MaxLen(maxShort).
			Comment("The deadline as written"),
		field.String("recurrence").
			Optional().MaxLen(maxShort).
			Comment("RRULE-like recurrence, e.g. FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25"),
		field.String("expected_output").
			Optional().MaxLen(maxName).
			Comment("The product asked for: kế hoạch, báo cáo, dự thảo…"),
		field.Time("completed_at").
			Optional().Nillable().
			Annotations(entgql.OrderField("COMPLETED_AT")),
		field.Bool("cancelled").Default(false),
	}
}

// Edges of the Task.
func (Task) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("directive", Directive.Type).Ref("tasks").
			Field("directive_id").Unique().Required().
			Annotations(entgql.OrderField("DIRECTIVE_ISSUE_DATE")),
		edge.To("children", Task.Type).
			Annotations(skipInputs, entgql.RelayConnection(), entsql.OnDelete(entsql.Cascade)).
			From("parent").Field("parent_id").Unique(),
		edge.To("implemented_by", Task.Type).
			Comment("Lower-level tasks that carry this one out").
			Annotations(skipInputs, entgql.RelayConnection(), entgql.OrderField("IMPLEMENTED_BY_COUNT"), entsql.OnDelete(entsql.SetNull)).
			From("implements").Field("implements_id").Unique().
			Comment("The upper-level task this one carries out"),
		edge.To("assignments", TaskAssignment.Type).
			Annotations(skipInputs, entgql.RelayConnection(), entgql.OrderField("ASSIGNMENTS_COUNT"), entsql.OnDelete(entsql.Cascade)),
		edge.To("reports", Report.Type).
			Annotations(skipInputs, entgql.RelayConnection(), entgql.OrderField("REPORTS_COUNT"), entsql.OnDelete(entsql.SetNull)),
	}
}

// Indexes of the Task.
func (Task) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("directive_id", "ordinal"),
		index.Fields("parent_id"),
		index.Fields("implements_id"),
		index.Fields("due_date"),
		index.Fields("kind"),
		index.Fields("completed_at"),
	}
}

// Annotations of the Task.
func (Task) Annotations() []schema.Annotation { return gqlEntity() }

// TaskAssignment gives a task to an organisation in a role (lead,
// coordinate, supervise, report-to…), with that organisation's own progress,
// completion and deadline. Extensions move due_date and keep
// original_due_date.
type TaskAssignment struct {
	ent.Schema
}

// Mixin of the TaskAssignment.
func (TaskAssignment) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AuditMixin{}} }

// Fields of the TaskAssignment.
func (TaskAssignment) Fields() []ent.Field {
	return []ent.Field{
		field.Int("task_id").Annotations(hideID),
		field.Int("organization_id").Annotations(hideID),
		field.Enum("role").
			Values("LEAD", "COORDINATOR", "EXECUTOR", "ADVISOR", "MONITOR", "SUPPORTER", "REPORT_RECIPIENT").
			Annotations(entgql.OrderField("ROLE")),
		field.String("verb").
			Optional().MaxLen(maxShort).
			Comment("The verb as printed: chủ trì, phối hợp, chỉ đạo, tham mưu, đề nghị"),
		field.Int("progress").
			Default(0).Range(0, 100).
			Comment("Percent done, as the organisation reports it").
			Annotations(entgql.OrderField("PROGRESS")),
		field.String("progress_note").Optional().MaxLen(maxMedium),
		field.Time("completed_at").
			Optional().Nillable().
			Annotations(entgql.OrderField("COMPLETED_AT")),
		field.Time("due_date").
			Optional().Nillable().
			Comment("The current deadline of this assignee; starts as the task's").
			Annotations(entgql.OrderField("DUE_DATE")),
		field.Time("original_due_date").
			Optional().Nillable().
			Comment("The deadline first given, kept when extensions move due_date"),
	}
}

// Edges of the TaskAssignment.
func (TaskAssignment) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("task", Task.Type).Ref("assignments").
			Field("task_id").Unique().Required().
			Annotations(entgql.OrderField("TASK_DUE_DATE")),
		edge.From("organization", Organization.Type).Ref("assignments").
			Field("organization_id").Unique().Required().
			Annotations(entgql.OrderField("ORGANIZATION_NAME")),
		edge.To("extensions", DeadlineExtension.Type).
			Annotations(skipInputs, entgql.RelayConnection(), entsql.OnDelete(entsql.Cascade)),
		edge.To("reports", Report.Type).
			Annotations(skipInputs, entgql.RelayConnection(), entsql.OnDelete(entsql.SetNull)),
	}
}

// Indexes of the TaskAssignment.
func (TaskAssignment) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("task_id", "organization_id", "role").Unique(),
		index.Fields("organization_id", "role"),
		index.Fields("due_date"),
		index.Fields("completed_at"),
	}
}

// Annotations of the TaskAssignment.
func (TaskAssignment) Annotations() []schema.Annotation { return gqlEntity() }

// DeadlineExtension records one granted move of an assignment's deadline.
type DeadlineExtension struct {
	ent.Schema
}

// Mixin of the DeadlineExtension.
func (DeadlineExtension) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AuditMixin{}} }

// Fields of the DeadlineExtension.
func (DeadlineExtension) Fields() []ent.Field {
	return []ent.Field{
		field.Int("assignment_id").Annotations(hideID),
		field.Time("previous_due_date").Optional().Nillable(),
		field.Time("new_due_date").Annotations(entgql.OrderField("NEW_DUE_DATE")),
		field.String("reason").Optional().MaxLen(maxMedium),
		field.Time("granted_on").Optional().Nillable().Annotations(entgql.OrderField("GRANTED_ON")),
	}
}

// Edges of the DeadlineExtension.
func (DeadlineExtension) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("assignment", TaskAssignment.Type).Ref("extensions").
			Field("assignment_id").Unique().Required(),
	}
}

// Indexes of the DeadlineExtension.
func (DeadlineExtension) Indexes() []ent.Index {
	return []ent.Index{index.Fields("assignment_id")}
}

// Annotations of the DeadlineExtension.
func (DeadlineExtension) Annotations() []schema.Annotation { return gqlEntity() }

// Policy of the Task: see internal/access.
func (Task) Policy() ent.Policy { return access.TaskPolicy() }

// Policy of the TaskAssignment: see internal/access.
func (TaskAssignment) Policy() ent.Policy { return access.AssignmentPolicy() }

// Policy of the DeadlineExtension: see internal/access.
func (DeadlineExtension) Policy() ent.Policy { return access.ExtensionPolicy() }

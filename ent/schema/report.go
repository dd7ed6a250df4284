package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"github.com/chidao/chidao/internal/access"

	"github.com/chidao/chidao/ent/schema/schematype"
)

// Report is an organisation's account of a task and/or a directive for a
// period: its text, key figures, when it was submitted and how it was
// reviewed.
type Report struct {
	ent.Schema
}

// Mixin of the Report.
func (Report) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AuditMixin{}} }

// Fields of the Report.
func (Report) Fields() []ent.Field {
	return []ent.Field{
		field.Int("organization_id").Annotations(hideID),
		field.Int("task_id").Annotations(hideID).Optional().Nillable(),
		field.Int("directive_id").Annotations(hideID).Optional().Nillable(),
		field.Int("assignment_id").Annotations(hideID).Optional().Nillable(),
		field.Time("period_start").
			Optional().Nillable().
			Annotations(entgql.OrderField("PERIOD_START")),
		field.Time("period_end").
			Optional().Nillable().
			Annotations(entgql.OrderField("PERIOD_END")),
		field.Time("submitted_at").
			Optional().Nillable().
			Annotations(entgql.OrderField("SUBMITTED_AT")),
		field.Text("text").Optional().MaxLen(maxMedium),
		field.JSON("figures", schematype.Figures{}).
			Optional().
			Comment("Indicator → number; checked by schematype.Figures.Validate").
			Annotations(entgql.Type("Figures")),
		field.Enum("review_state").
			Values("DRAFT", "SUBMITTED", "ACCEPTED", "RETURNED").
			Default("SUBMITTED").
			Annotations(entgql.OrderField("REVIEW_STATE")),
		field.String("review_note").Optional().MaxLen(maxMedium),
		field.Time("reviewed_at").Optional().Nillable(),
	}
}

// Edges of the Report.
func (Report) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("organization", Organization.Type).Ref("reports").
			Field("organization_id").Unique().Required().
			Annotations(entgql.OrderField("ORGANIZATION_NAME")),
		edge.From("task", Task.Type).Ref("reports").
			Field("task_id").Unique(),
		edge.From("directive", Directive.Type).Ref("reports").
			Field("directive_id").Unique(),
		edge.From("assignment", TaskAssignment.Type).Ref("reports").
			Field("assignment_id").Unique(),
	}
}

// Indexes of the Report.
func (Report) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("organization_id", "period_end"),
		index.Fields("task_id", "period_end"),
		index.Fields("directive_id"),
		index.Fields("assignment_id"),
		index.Fields("submitted_at"),
		index.Fields("review_state"),
	}
}

// Annotations of the Report.
func (Report) Annotations() []schema.Annotation { return gqlEntity() }

// Policy of the Report: see internal/access.
func (Report) Policy() ent.Policy { return access.ReportPolicy() }

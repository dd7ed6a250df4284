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

// Directive is any issued document: a resolution, a directive, a conclusion,
// a plan, a dispatch… A document known only because another cites it is
// still a node (by_reference) and is completed when its own text arrives.
// Its natural key is issuer + printed type code + number + issue date.
type Directive struct {
	ent.Schema
}

// Mixin of the Directive.
func (Directive) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AuditMixin{}} }

// Fields of the Directive.
func (Directive) Fields() []ent.Field {
	return []ent.Field{
		field.String("symbol").
			NotEmpty().MaxLen(maxShort).
			Comment("Number and symbol as printed: 1416-CV/QU, 1026/KH-UBND, 3354/VPCP-KGVX").
			Annotations(entgql.OrderField("SYMBOL")),
		field.Int("number").
			Optional().Nillable().NonNegative().
			Annotations(entgql.OrderField("NUMBER")),
		field.String("type_code").
			Optional().MaxLen(maxCode).
			Comment("The type code as printed in the symbol (CV, KL, CT, KH…); empty for a state công văn").
			Annotations(entgql.OrderField("TYPE_CODE")),
		field.Enum("doc_type").
			Values(
				"NGHI_QUYET", "QUYET_DINH", "QUY_DINH", "CHI_THI", "KET_LUAN", "QUY_CHE",
				"THONG_TRI", "HUONG_DAN", "THONG_BAO", "THONG_CAO", "TUYEN_BO", "LOI_KEU_GOI",
				"BAO_CAO", "KE_HOACH", "QUY_HOACH", "CHUONG_TRINH", "DE_AN", "PHUONG_AN",
				"DU_AN", "TO_TRINH", "CONG_VAN", "CONG_DIEN", "BIEN_BAN", "GIAY_MOI",
				"GIAY_GIOI_THIEU", "BAN_SAO", "LUAT", "NGHI_DINH", "THONG_TU", "OTHER",
			).
			Default("OTHER").
			Annotations(entgql.OrderField("DOC_TYPE")),
		field.Enum("system").
			Values("PARTY", "STATE", "FRONT").
			Annotations(entgql.OrderField("SYSTEM")),
		field.String("issuer_code").
			Optional().MaxLen(maxCode).
			Comment("The issuer part of the symbol: QU, TW, UBND, VPCP-KGVX…"),
		field.Int("issuer_id").Annotations(hideID).Optional().Nillable(),
		field.Int("acting_body_id").Annotations(hideID).Optional().Nillable(),
		field.String("header_parent_text").Optional().MaxLen(maxName),
		field.String("place").
			Optional().MaxLen(maxShort).
			Annotations(entgql.OrderField("PLACE")),
		field.Time("issue_date").
			Optional().Nillable().
			Annotations(entgql.OrderField("ISSUE_DATE")),
		field.Text("subject").
			Optional().MaxLen(maxMedium).
			Comment("The V/v line or the title under the type name").
			Annotations(entgql.OrderField("SUBJECT")),
		field.Text("full_text").
			Optional().MaxLen(maxText),
		field.Int("signer_id").Annotations(hideID).Optional().Nillable(),
		field.String("signer_name").Optional().MaxLen(maxShort),
		field.String("signer_post").
			Optional().MaxLen(maxShort).
			Comment("The signer's post as printed: Phó Bí thư, Phó Chủ nhiệm"),
		field.Enum("authority").
			Values("TM", "KT", "TL", "TUQ", "Q", "DIRECT").
			Optional().Nillable().
			Comment("The signer's own authority formula: T/M or TM., K/T or KT., …"),
		field.String("authority_text").
			Optional().MaxLen(maxShort).
			Comment("The whole signature formula as printed, stacked lines joined by ' / '"),
		field.String("on_behalf_of").
			Optional().MaxLen(maxShort).
			Comment("The collective or head the signer signs for: Ban Thường vụ, Bộ trưởng"),
		field.Enum("status").
			Values("DRAFT", "ISSUED", "SUPERSEDED", "REPEALED", "EXPIRED").
			Default("ISSUED").
			Annotations(entgql.OrderField("STATUS")),
		field.Enum("secrecy").
			Values("NONE", "MAT", "TOI_MAT", "TUYET_MAT").
			Default("NONE").
			Annotations(entgql.OrderField("SECRECY")),
		field.Enum("urgency").
			Values("NONE", "KHAN", "THUONG_KHAN", "HOA_TOC").
			Default("NONE").
			Annotations(entgql.OrderField("URGENCY")),
		field.Bool("by_reference").
			Default(false).
			Comment("Known only because another document cites it; its own text is not registered yet"),
		field.String("source_url").Optional().MaxLen(2000),
	}
}

// Edges of the Directive.
func (Directive) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("issuer", Organization.Type).Ref("issued_directives").
			Field("issuer_id").Unique().
			Annotations(entgql.OrderField("ISSUER_NAME")),
		edge.From("acting_body", Organization.Type).Ref("acted_directives").
			Field("acting_body_id").Unique().
			Comment("The organ acting for the issuer, e.g. the Standing Board for the committee"),
		edge.From("signer", Person.Type).Ref("signed_directives").
			Field("signer_id").Unique(),
		edge.To("references", DirectiveReference.Type).
			Comment("Documents this one cites, implements, amends…").
			Annotations(skipInputs, entgql.RelayConnection(), entgql.OrderField("REFERENCES_COUNT"), entsql.OnDelete(entsql.Cascade)),
		edge.To("cited_by", DirectiveReference.Type).
			Comment("References from other documents to this one; following IMPLEMENTS gives the cascade").
			Annotations(skipInputs, entgql.RelayConnection(), entgql.OrderField("CITED_BY_COUNT"), entsql.OnDelete(entsql.SetNull)),
		edge.To("recipients", Recipient.Type).
			Annotations(skipInputs, entgql.RelayConnection(), entgql.OrderField("RECIPIENTS_COUNT"), entsql.OnDelete(entsql.Cascade)),
		edge.To("tasks", Task.Type).
			Annotations(skipInputs, entgql.RelayConnection(), entgql.OrderField("TASKS_COUNT"), entsql.OnDelete(entsql.Cascade)),
		edge.To("reports", Report.Type).
			Annotations(skipInputs, entgql.RelayConnection(), entgql.OrderField("REPORTS_COUNT"), entsql.OnDelete(entsql.SetNull)),
	}
}

// Indexes of the Directive.
func (Directive) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("issuer_id", "type_code", "number", "issue_date").Unique(),
		index.Fields("acting_body_id"),
		index.Fields("signer_id"),
		index.Fields("symbol"),
		index.Fields("issue_date"),
		index.Fields("doc_type", "issue_date"),
		index.Fields("status"),
		index.Fields("secrecy"),
		index.Fields("by_reference"),
	}
}

// Annotations of the Directive.
func (Directive) Annotations() []schema.Annotation { return gqlEntity() }

// DirectiveReference is a typed edge from a citing document to a cited one,
// with the citation as written. The target is empty until it is resolved.
type DirectiveReference struct {
	ent.Schema
}

// Mixin of the DirectiveReference.
func (DirectiveReference) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AuditMixin{}} }

// Fields of the DirectiveReference.
func (DirectiveReference) Fields() []ent.Field {
	return []ent.Field{
		field.Int("source_id").Annotations(hideID),
		field.Int("target_id").Annotations(hideID).Optional().Nillable(),
		field.Enum("relation").
			Values("IMPLEMENTS", "BASED_ON", "CITES", "AMENDS", "SUPERSEDES", "REPEALS",
				"RESPONDS_TO", "REMINDS", "REPORTS_ON", "ISSUES_ANNEX", "COPY_OF").
			Default("CITES").
			Annotations(entgql.OrderField("RELATION")),
		field.Text("cited_text").Optional().MaxLen(maxMedium),
		field.String("cited_symbol").
			Optional().MaxLen(maxShort).
			Annotations(entgql.OrderField("CITED_SYMBOL")),
		field.Time("cited_date").Optional().Nillable(),
		field.String("cited_issuer_text").Optional().MaxLen(maxName),
		field.Int("ordinal").Default(0).Annotations(entgql.OrderField("ORDINAL")),
	}
}

// Edges of the DirectiveReference.
func (DirectiveReference) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("source", Directive.Type).Ref("references").
			Field("source_id").Unique().Required().
			Annotations(entgql.OrderField("SOURCE_ISSUE_DATE")),
		edge.From("target", Directive.Type).Ref("cited_by").
			Field("target_id").Unique().
			Annotations(entgql.OrderField("TARGET_ISSUE_DATE")),
	}
}

// Indexes of the DirectiveReference.
func (DirectiveReference) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("source_id", "ordinal"),
		index.Fields("target_id", "relation"),
		index.Fields("cited_symbol"),
	}
}

// Annotations of the DirectiveReference.
func (DirectiveReference) Annotations() []schema.Annotation { return gqlEntity() }

// Recipient is one line of a document's Kính gửi (addressees) or Nơi nhận
// (distribution): the text always, the organisation when it is known.
type Recipient struct {
	ent.Schema
}

// Mixin of the Recipient.
func (Recipient) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, AuditMixin{}} }

// Fields of the Recipient.
func (Recipient) Fields() []ent.Field {
	return []ent.Field{
		field.Int("directive_id").Annotations(hideID),
		field.Int("organization_id").Annotations(hideID).Optional().Nillable(),
		field.String("text").
			NotEmpty().MaxLen(maxName).
			Annotations(entgql.OrderField("TEXT")),
		field.Enum("kind").
			Values("ADDRESSEE", "FOR_REPORT", "FOR_INFO", "DISTRIBUTION", "ARCHIVE").
			Annotations(entgql.OrderField("KIND")),
		field.String("purpose_note").
			Optional().MaxLen(maxShort).
			Comment("As printed: để b/c, để biết, để thực hiện"),
		field.Int("ordinal").Default(0).Annotations(entgql.OrderField("ORDINAL")),
	}
}

// Edges of the Recipient.
func (Recipient) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("directive", Directive.Type).Ref("recipients").
			Field("directive_id").Unique().Required().
			Annotations(entgql.OrderField("DIRECTIVE_ISSUE_DATE")),
		edge.From("organization", Organization.Type).Ref("received").
			Field("organization_id").Unique().
			Annotations(entgql.OrderField("ORGANIZATION_NAME")),
	}
}

// Indexes of the Recipient.
func (Recipient) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("directive_id", "ordinal"),
		index.Fields("organization_id", "kind"),
	}
}

// Annotations of the Recipient.
func (Recipient) Annotations() []schema.Annotation { return gqlEntity() }

// Policy of the Directive: see internal/access.
func (Directive) Policy() ent.Policy { return access.DirectivePolicy() }

// Policy of the DirectiveReference: see internal/access.
func (DirectiveReference) Policy() ent.Policy { return access.ReferencePolicy() }

// Policy of the Recipient: see internal/access.
func (Recipient) Policy() ent.Policy { return access.RecipientPolicy() }

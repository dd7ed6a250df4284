package docparse

import "time"

// Span is a half-open byte range [Start, End) in the ORIGINAL input given to
// Parse. Every extracted value carries one so that an admin screen can
// highlight where the value came from and a person can correct it there.
// The zero Span means "not found in the text" (for example a value that was
// inferred, such as the type code "CV" of a state công văn).
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Empty reports whether the span covers no text.
func (s Span) Empty() bool { return s.End <= s.Start }

// Field is a string value together with where it was found. The text is
// cleaned (Markdown debris removed, whitespace collapsed, NFC) but otherwise
// as printed; use the span to show the exact original bytes.
type Field struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
}

// System tells which of the two document systems (plus the Front and mass
// organisations) a document belongs to; their numbering and signature rules
// differ, so the importer needs it to build natural keys.
type System string

// Document systems.
const (
	SystemUnknown System = ""
	SystemParty   System = "PARTY"
	SystemState   System = "STATE"
	SystemFront   System = "FRONT"
)

// DocType is the kind of document, independent of how its code is printed
// ("TT" is Thông tri in a Party symbol but Thông tư in a legal one).
type DocType string

// Document types (see DOMAIN.md §5.3). OTHER is used when a code is printed
// but not recognised; the printed code is kept in Header.TypeCode.
const (
	DocNghiQuyet     DocType = "NGHI_QUYET"
	DocQuyetDinh     DocType = "QUYET_DINH"
	DocQuyDinh       DocType = "QUY_DINH"
	DocChiThi        DocType = "CHI_THI"
	DocKetLuan       DocType = "KET_LUAN"
	DocQuyChe        DocType = "QUY_CHE"
	DocThongTri      DocType = "THONG_TRI"
	DocHuongDan      DocType = "HUONG_DAN"
	DocThongBao      DocType = "THONG_BAO"
	DocThongCao      DocType = "THONG_CAO"
	DocBaoCao        DocType = "BAO_CAO"
	DocKeHoach       DocType = "KE_HOACH"
	DocQuyHoach      DocType = "QUY_HOACH"
	DocChuongTrinh   DocType = "CHUONG_TRINH"
	DocDeAn          DocType = "DE_AN"
	DocPhuongAn      DocType = "PHUONG_AN"
	DocDuAn          DocType = "DU_AN"
	DocToTrinh       DocType = "TO_TRINH"
	DocCongVan       DocType = "CONG_VAN"
	DocCongDien      DocType = "CONG_DIEN"
	DocBienBan       DocType = "BIEN_BAN"
	DocGiayMoi       DocType = "GIAY_MOI"
	DocGiayGioiThieu DocType = "GIAY_GIOI_THIEU"
	DocBanSao        DocType = "BAN_SAO"
	DocHopDong       DocType = "HOP_DONG"
	DocNghiDinh      DocType = "NGHI_DINH"
	DocThongTu       DocType = "THONG_TU"
	DocLuat          DocType = "LUAT"
	DocOther         DocType = "OTHER"
)

// Relation says how this document relates to a document it cites. The
// tracker uses "implements" to build the cascade of directives, "reminds"
// to record a đôn đốc, and so on.
type Relation string

// Citation relations.
const (
	RelImplements Relation = "implements"
	RelCites      Relation = "cites"
	RelAmends     Relation = "amends"
	RelSupersedes Relation = "supersedes"
	RelRespondsTo Relation = "responds_to"
	RelReminds    Relation = "reminds"
	RelReportsOn  Relation = "reports_on"
	RelBasedOn    Relation = "based_on"
)

// Header holds the identifying parts printed at the top of a document. They
// form the document's natural key: (issuer, type code, number, issue date).
type Header struct {
	System System `json:"system"`
	// Title is the national/Party title line ("ĐẢNG CỘNG SẢN VIỆT NAM",
	// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), which decides the system.
	Title Field `json:"title"`
	// Superior is the line printed above the issuer name (the immediate
	// superior organisation), e.g. "Đảng bộ TP Hải Phòng".
	Superior Field `json:"superior"`
	// Issuer is the issuing body's name in normal case ("Quận ủy Kiến An");
	// IssuerPrinted is the same as printed (usually upper case).
	Issuer        Field `json:"issuer"`
	IssuerPrinted Field `json:"issuer_printed"`
	// IssuerCode is the last part of the symbol ("QU", "UBND", "VPCP-KGVX").
	IssuerCode Field `json:"issuer_code"`
	Number     int   `json:"number"`
	NumberText Field `json:"number_text"`
	Symbol     Field `json:"symbol"`
	// TypeCode is the type code as printed ("CV", "KH", "QĐ"); for a state
	// công văn, whose symbol carries none, it is "CV" with an empty span.
	TypeCode Field   `json:"type_code"`
	DocType  DocType `json:"doc_type"`
	// TypeName is the type line printed above the title ("KẾ HOẠCH").
	TypeName Field `json:"type_name"`
	Place    Field `json:"place"`
	// IssueDate is the date of the date line, at midnight UTC (date only).
	IssueDate     time.Time `json:"issue_date"`
	IssueDateText Field     `json:"issue_date_text"`
	// Subject is the V/v line of a công văn, or the title under the type name.
	Subject Field `json:"subject"`
	// ActingBody is the organ acting for the issuer ("Ban Thường vụ Quận
	// ủy"), from the text or the T/M line of the signature.
	ActingBody Field `json:"acting_body"`
	Secrecy    Field `json:"secrecy"` // MẬT, TỐI MẬT, TUYỆT MẬT
	Urgency    Field `json:"urgency"` // KHẨN, THƯỢNG KHẨN, HỎA TỐC
}

// Reference is another document cited by symbol.
type Reference struct {
	Symbol   Field   `json:"symbol"`
	TypeCode string  `json:"type_code"`
	DocType  DocType `json:"doc_type"`
	// IssueDate is zero when the text gives no date next to the citation.
	IssueDate     time.Time `json:"issue_date"`
	IssueDateText Field     `json:"issue_date_text"`
	Issuer        Field     `json:"issuer"`
	Relation      Relation  `json:"relation"`
	// Cited is the whole citation as written at its first occurrence
	// ("Kết luận số 44-KL/TW, ngày 14/11/2022 của Ban Bí thư …").
	Cited Field `json:"cited"`
	// Mentions are the spans of every occurrence of the symbol.
	Mentions []Span `json:"mentions"`
}

// RecipientKind tells why a body receives the document.
type RecipientKind string

// Recipient kinds.
const (
	KindAddressee    RecipientKind = "addressee"
	KindForReport    RecipientKind = "for_report"
	KindForInfo      RecipientKind = "for_info"
	KindArchive      RecipientKind = "archive"
	KindDistribution RecipientKind = "distribution"
)

// Recipient is one addressee of the Kính gửi list: one organisation each,
// with a shared locality qualifier distributed ("HĐND, UBND quận" gives
// "HĐND quận" and "UBND quận"). Printed is the exact printed part.
type Recipient struct {
	Name    string `json:"name"`
	Printed Field  `json:"printed"`
}

// DistributionEntry is one printed entry of the Nơi nhận list.
type DistributionEntry struct {
	Text Field         `json:"text"`
	Kind RecipientKind `json:"kind"`
}

// TaskKind classifies how a duty runs in time.
type TaskKind string

// Task kinds.
const (
	TaskOneOff      TaskKind = "ONE_OFF"
	TaskRecurring   TaskKind = "RECURRING"
	TaskContinuous  TaskKind = "CONTINUOUS"
	TaskConditional TaskKind = "CONDITIONAL"
)

// DeadlineKind classifies the deadline as written; DueDate is normalised to
// the last day of the window it names.
type DeadlineKind string

// Deadline kinds.
const (
	DeadlineExactDate DeadlineKind = "EXACT_DATE"
	DeadlineByMonth   DeadlineKind = "BY_MONTH"
	DeadlineByQuarter DeadlineKind = "BY_QUARTER"
	DeadlineByYear    DeadlineKind = "BY_YEAR"
	DeadlineRecurring DeadlineKind = "RECURRING"
	DeadlineASAP      DeadlineKind = "ASAP"
	DeadlineNone      DeadlineKind = "NONE"
)

// Role is what an organisation does in a task.
type Role string

// Assignment roles (corpus/README.md "Who does what").
const (
	RoleLead       Role = "lead"
	RoleCoordinate Role = "coordinate"
	RoleSupervise  Role = "supervise"
	RoleReportTo   Role = "report_to"
	RoleAny        Role = "any"
)

// Assignment links a task to an organisation.
type Assignment struct {
	// Name is the organisation as printed, without a leading head title
	// ("Giám đốc các Sở" gives "các Sở") and with a shared locality
	// qualifier distributed. Canonical is the name to match against the
	// organisation table: the issuer's full name when the text refers to
	// the issuer itself ("UBND tỉnh" in a UBND tỉnh plan), else Name.
	Name      string `json:"name"`
	Canonical string `json:"canonical"`
	Role      Role   `json:"role"`
	// Verb is the word that gave the role ("chủ trì", "phối hợp với",
	// "đề nghị", "báo cáo"), or "" for a heading/subject with no cue.
	Verb Field `json:"verb"`
	Span Span  `json:"span"`
}

// Deadline is a task's deadline as written and normalised.
type Deadline struct {
	Kind DeadlineKind `json:"kind"`
	// Due is the last day of the window, nil when there is none.
	Due  *time.Time `json:"due,omitempty"`
	Text Field      `json:"text"`
	// Recurrence is an RRULE-like string ("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25",
	// "FREQ=MONTHLY;INTERVAL=6") for recurring duties.
	Recurrence string `json:"recurrence,omitempty"`
}

// Task is one duty handed out by the document.
type Task struct {
	// Ordinal is the section path as printed ("5", "III.1", "Điều 2").
	Ordinal string `json:"ordinal"`
	// Heading is the item's heading when the item is a heading ("Công an
	// tỉnh", "Về công tác tuyên truyền").
	Heading     Field        `json:"heading"`
	Text        Field        `json:"text"`
	Parent      string       `json:"parent,omitempty"`
	SubItems    []Field      `json:"sub_items,omitempty"`
	Kind        TaskKind     `json:"kind"`
	Deadline    Deadline     `json:"deadline"`
	Assignments []Assignment `json:"assignments"`
}

// Formula is one level of a stacked signature ("KT." + "CHỦ TỊCH").
type Formula struct {
	// Formula is printed form: T/M, K/T, T/L, T/UQ, TM., KT., TL., TUQ., Q.
	Formula string `json:"formula"`
	// Body is the collective or post the formula acts for, normal case.
	Body string `json:"body"`
	Span Span   `json:"span"`
}

// Signature is the signing block: who signed and by what authority.
type Signature struct {
	Name     Field `json:"name"`
	Position Field `json:"position"` // normal case: "Phó Chủ tịch"
	// Authority is the signer's own formula (the last of the stack), or ""
	// when the head signs directly.
	Authority  string    `json:"authority"`
	OnBehalfOf string    `json:"on_behalf_of"`
	Formulas   []Formula `json:"formulas"`
	// OtherPosts are concurrent posts printed under the first one.
	OtherPosts []Field `json:"other_posts,omitempty"`
}

// Warning explains a doubt about the parse; the importer shows them to the
// person who checks the draft.
type Warning struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Span    Span   `json:"span"`
}

// Draft is the structured form of one directive, as far as the text allows.
// Values that were not found are zero; Warnings says why.
type Draft struct {
	Header       Header              `json:"header"`
	References   []Reference         `json:"references"`
	Recipients   []Recipient         `json:"recipients"`
	Distribution []DistributionEntry `json:"distribution"`
	Tasks        []Task              `json:"tasks"`
	// Duties are obligations stated outside numbered items (a đôn đốc letter
	// has one); they are not tasks in the corpus form but the importer may
	// offer them.
	Duties    []Task    `json:"duties,omitempty"`
	Signature Signature `json:"signature"`
	Warnings  []Warning `json:"warnings"`
	// Size is the input length in bytes; spans are within [0, Size].
	Size int `json:"size"`
}

func (d *Draft) warn(code, msg string, sp Span) {
	d.Warnings = append(d.Warnings, Warning{Code: code, Message: msg, Span: sp})
}

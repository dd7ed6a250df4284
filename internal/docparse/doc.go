// Package docparse turns the text of one Vietnamese Party or state directive
// (công văn, kế hoạch, chỉ thị, kết luận, quyết định …) into a structured
// Draft: header, cited documents, addressees and distribution, the tasks it
// hands out with their deadlines and responsible bodies, and the signature.
//
// It works on text as it comes from PDF/DOCX/web conversion — Markdown
// debris, tables, hard-wrapped lines, OCR look-alikes — and needs no
// database: matching names to organisations is the importer's job. Every
// value carries the byte span of the input it came from, so that a person
// can check the draft against the document, and Warnings say what the
// parser could not find or doubts.
//
// The rules follow the conventions of the genre (DOMAIN.md: Hướng dẫn
// 36-HD/VPTW for Party documents, Nghị định 30/2020/NĐ-CP for state ones),
// not particular documents. Parse is linear in the input and bounded by
// MaxInputBytes.
//
// # Using the draft
//
// Parse returns a *Draft or one of ErrEmpty, ErrTooLarge, ErrNotText
// (wrapped with a message for the uploader). Draft.Header holds the
// natural key of the document (issuer, TypeCode, Number, IssueDate) and
// what is needed to find or create the issuing organisation (Issuer,
// Superior, IssuerCode, System). References are the cited documents with a
// Relation; Recipients the Kính gửi addressees; Distribution the Nơi nhận
// entries with a kind; Tasks the numbered duties, each with a Deadline
// (Due normalised to the last day of the window) and Assignments
// (organisation as printed, a Canonical name for matching, and a Role);
// Duties the obligations of a document without numbered items; Signature
// the signer and the stacked authority formulas.
//
// Values that were not found are empty; the corresponding Warning says so.
// Draft.Corpus gives the flat JSON form of shared/corpus/README.md.
//
// # How it works
//
// normalize.go maps the input to clean text (LF, NFC, no zero-width
// characters, OCR look-alikes) keeping a byte map to the original;
// lines.go removes Markdown debris and splits table cells; header.go,
// refs.go, recipients.go, tasks.go (with tables.go, assign.go, orgs.go,
// deadline.go) and signature.go each read one part of the document.
package docparse

package docparse

import (
	"regexp"
	"strings"
	"time"
)

// Citations (DOMAIN.md §1.9, §2.1): "<Type> số <symbol>[,] ngày <date> của
// <issuer> về …", or "Ngày <date>, <issuer> ban hành <Type> số <symbol>".
// The relation comes from where and how the document is cited: in the
// subject or an opening "Thực hiện / Triển khai …" sentence it is carried
// out (implements); "Căn cứ" gives based_on; "Xét đề nghị / Trả lời /
// Phúc đáp" responds_to; a sentence saying a duty "đã giao" in a letter
// that finds it still undone is a reminder (reminds); "sửa đổi, bổ sung" in
// the subject amends; "thay thế / bãi bỏ" supersedes; a report's subject
// "kết quả thực hiện …" reports_on; anything else is cited.
var (
	reRefDateAfter  = regexp.MustCompile(`^\s*[,;]?\s*(?:(?:được\s+)?ban hành\s+)?(?i:ngày)\s*`)
	reRefIssuer     = regexp.MustCompile(`^\s*,?\s*(?:của|do)\s+`)
	reRefIssuerStop = regexp.MustCompile(`\s+(?:về|V/v|về việc|ban hành|quy định|hướng dẫn|nhằm|trong|đối với|tại|đã|để|và các|hoặc)\s|[,;.(“"”:)]|\s(?:và)\s+(?:Kế hoạch|Chỉ thị|Công văn|Nghị quyết|Quyết định|Kết luận)`)
	reRefTypeBefore = regexp.MustCompile(`(?i)((?:kết\s+luận|chỉ\s+thị|nghị\s+quyết|quyết\s+định|công\s+văn|kế\s+hoạch|hướng\s+dẫn|thông\s+báo|thông\s+tri|quy\s+định|quy\s+chế|chương\s+trình(?:\s+hành\s+động)?|tờ\s+trình|báo\s+cáo|nghị\s+định|thông\s+tư(?:\s+liên\s+tịch)?|luật|công\s+điện|đề\s+án|văn\s+bản|thông báo kết\s+luận)\s+(?:số\s*)?)$`)
	reIssuedBefore  = regexp.MustCompile(`^(?i:ngày)\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*,\s*(.{3,80}?)\s+(?:đã\s+)?ban hành\s`)
	reImplementCue  = regexp.MustCompile(`(?i)^(?:[-+•]\s*)?(?:để\s+)?(?:tổ chức\s+|tiếp tục\s+)?(?:thực hiện|triển khai(?: thực hiện)?|thi hành|cụ thể hóa|quán triệt|thực thi)`)
	reImplementIn   = regexp.MustCompile(`(?i)(?:thực hiện|triển khai|thi hành|cụ thể hóa|quán triệt|hướng dẫn thực hiện)`)
	reBasedCue      = regexp.MustCompile(`(?i)^(?:[-+•]\s*)?căn cứ`)
	reRespondCue    = regexp.MustCompile(`(?i)(?:^|\s)(?:xét đề nghị|theo đề nghị|trả lời|phúc đáp|về đề nghị|nhận được)`)
	reAssignedPast  = regexp.MustCompile(`(?i)đã\s+(?:giao|yêu cầu|chỉ đạo|có ý kiến chỉ đạo|đề nghị|có văn bản)`)
	reUndone        = regexp.MustCompile(`^chưa\s+(?:có\s+|nhận được\s+|gửi\s+)?(?:báo cáo|hoàn thành|thực hiện|triển khai|có ý kiến)`)
	reAmendCue      = regexp.MustCompile(`(?i)sửa đổi|bổ sung`)
	reSupersedeCue  = regexp.MustCompile(`(?i)thay thế|bãi bỏ`)
	reThisReplaces  = regexp.MustCompile(`(?i)(?:này|văn bản này)\s+(?:\p{L}+\s+){0,10}?(?:thay thế|bãi bỏ)|(?:thay thế|bãi bỏ)\s+(?:\p{L}+\s+){0,3}?(?:số\s+)?\S+\s.{0,80}?kể từ ngày`)
	reReportCue     = regexp.MustCompile(`(?i)(?:báo cáo|kết quả|tình hình)\s+(?:\p{L}+\s+){0,4}(?:thực hiện|triển khai)`)
)

// undone reports whether the text says a duty is still not done ("chưa có
// báo cáo", "chưa hoàn thành") or urges it (đôn đốc): a reminder letter.
func undone(body string) bool {
	if !containsAny(body, "chưa", "Chưa", "đôn đốc", "Đôn đốc") {
		return false
	}
	if containsAny(body, "đôn đốc", "Đôn đốc") {
		return true
	}
	for _, w := range []string{"chưa", "Chưa"} {
		for p := 0; ; {
			q := strings.Index(body[p:], w)
			if q < 0 {
				break
			}
			p += q
			if reUndone.MatchString(foldSameLen(body[p:runeStart(body, min(len(body), p+60))])) {
				return true
			}
			p += len(w)
		}
	}
	return false
}

var relRank = map[Relation]int{
	RelImplements: 8, RelReminds: 7, RelRespondsTo: 6, RelAmends: 5, RelSupersedes: 4,
	RelReportsOn: 3, RelBasedOn: 2, RelCites: 1,
}

// refCtx tells parseRefs where the subject and the preamble are.
type refCtx struct {
	subjI, subjJ int
	preambleEnd  int // doc text offset where the numbered body starts
	bodyStart    int
	bodyEnd      int
}

func parseRefs(d *doc, dr *Draft, rc refCtx) {
	s := d.t.s
	own := strings.ToLower(dr.Header.Symbol.Text)
	body := s[rc.bodyStart:rc.bodyEnd]
	reminderDoc := strings.Contains(strings.ToLower(dr.Header.Subject.Text), "đôn đốc") ||
		undone(body)
	index := map[string]int{}
	for _, sm := range findSymbols(s) {
		key := strings.ToLower(sm.text)
		if key == own {
			continue
		}
		if sm.i >= rc.bodyEnd && !(sm.i >= rc.subjI && sm.i < rc.subjJ) {
			continue // Nơi nhận, signature
		}
		sp := d.t.span(sm.i, sm.j)
		sentI, sentJ := sentenceAround(s, sm.i)
		sent := s[sentI:sentJ]
		rel := classifyRef(s, sm, sentI, sent, rc, reminderDoc, dr.Header.DocType)
		ref := Reference{
			Symbol:   Field{Text: sm.text, Span: sp},
			TypeCode: sm.displayType(),
			DocType:  sm.docType(),
			Relation: rel,
		}
		// type word before the symbol starts the citation
		ci := sm.i
		if m := reRefTypeBefore.FindStringSubmatchIndex(s[max(0, sm.i-60):sm.i]); m != nil {
			ci = max(0, sm.i-60) + m[2]
		}
		cj := sm.j
		after := s[sm.j:runeStart(s, min(len(s), sm.j+200))]
		pos := 0
		if m := reRefDateAfter.FindStringIndex(after); m != nil {
			if da, ok := firstDate(after[m[0]:runeStart(after, min(len(after), m[1]+30))]); ok && da.i <= m[1]-m[0]+1 {
				ref.IssueDate = da.t
				ref.IssueDateText = d.fieldAt(sm.j+m[0]+da.i, sm.j+m[0]+da.j)
				pos = m[0] + da.j
				cj = sm.j + pos
			}
		}
		if m := reRefIssuer.FindStringIndex(after[pos:]); m != nil {
			rest := cutAtHeaderBreak(after[pos+m[1]:])
			e := len(rest)
			if st := reRefIssuerStop.FindStringIndex(rest); st != nil {
				e = st[0]
			}
			if e > 0 && e < 120 {
				ref.Issuer = d.fieldAt(sm.j+pos+m[1], sm.j+pos+m[1]+e)
				cj = sm.j + pos + m[1] + e
			}
		}
		// "Ngày 14/11/2022, Ban Bí thư … ban hành Kết luận số 44-KL/TW"
		if ref.IssueDate.IsZero() {
			if m := reIssuedBefore.FindStringSubmatchIndex(sent); m != nil && sentI+m[1] <= sm.i && sm.i-(sentI+m[1]) < 60 {
				if t, ok := mkDate(atoiSafe(sent[m[2]:m[3]]), atoiSafe(sent[m[4]:m[5]]), atoiSafe(sent[m[6]:m[7]])); ok {
					ref.IssueDate = t
					ref.IssueDateText = d.fieldAt(sentI+m[0], sentI+m[7])
					if ref.Issuer.Text == "" {
						ref.Issuer = d.fieldAt(sentI+m[8], sentI+m[9])
					}
				}
			}
		}
		ref.Cited = d.fieldAt(ci, cj)
		if x, ok := index[key]; ok {
			r := &dr.References[x]
			r.Mentions = append(r.Mentions, sp)
			if relRank[rel] > relRank[r.Relation] {
				r.Relation = rel
			}
			if r.IssueDate.IsZero() && !ref.IssueDate.IsZero() {
				r.IssueDate, r.IssueDateText = ref.IssueDate, ref.IssueDateText
			}
			if r.Issuer.Text == "" {
				r.Issuer = ref.Issuer
			}
			if isUpperLine(r.Symbol.Text) && !isUpperLine(sm.text) {
				r.Symbol = ref.Symbol
			}
			continue
		}
		if len(dr.References) >= maxRefs {
			dr.warn("too_many_refs", "more than 500 cited symbols; the rest are ignored", sp)
			break
		}
		ref.Mentions = []Span{sp}
		index[key] = len(dr.References)
		dr.References = append(dr.References, ref)
	}
	for k := range dr.References {
		r := &dr.References[k]
		if r.IssueDate.IsZero() {
			r.IssueDate = time.Time{}
		}
	}
}

const maxRefs = 500

// classifyRef decides the relation of one occurrence.
func classifyRef(s string, sm symbolMatch, sentI int, sent string, rc refCtx, reminderDoc bool, dt DocType) Relation {
	inSubject := sm.i >= rc.subjI && sm.i < rc.subjJ
	if inSubject {
		pre := s[rc.subjI:sm.i]
		switch {
		case reSupersedeCue.MatchString(pre):
			return RelSupersedes
		case reAmendCue.MatchString(pre) && !reImplementIn.MatchString(pre):
			return RelAmends
		case strings.Contains(strings.ToLower(pre), "đôn đốc"):
			return RelReminds
		case reRespondCue.MatchString(pre):
			return RelRespondsTo
		case dt == DocBaoCao && reReportCue.MatchString(pre+" thực hiện"):
			return RelReportsOn
		}
		// the document named in the subject is the one carried out
		return RelImplements
	}
	// "Quyết định này thay thế Quyết định số …", "… bãi bỏ …"
	if firstMatchNear(reThisReplaces, sent, []string{"thay thế", "bãi bỏ", "Thay thế", "Bãi bỏ"}, 120, 160) != nil && strings.Index(sent, sm.text) > 0 {
		return RelSupersedes
	}
	if sm.i >= rc.preambleEnd || sm.i < rc.bodyStart {
		return RelCites
	}
	// preamble sentence
	lead := strings.TrimSpace(sent)
	switch {
	case reBasedCue.MatchString(lead):
		return RelBasedOn
	case reminderDoc && reAssignedPast.MatchString(sent):
		return RelReminds
	case reRespondCue.MatchString(lead[:min(len(lead), 40)]):
		return RelRespondsTo
	case reImplementCue.MatchString(lead):
		return RelImplements
	case dt == DocBaoCao && reReportCue.MatchString(lead):
		return RelReportsOn
	}
	return RelCites
}

// sentenceAround returns the bounds of the sentence holding offset p: it
// stops at ". " before a capital, at ";" ending a preamble line, and at
// blank lines.
func sentenceAround(s string, p int) (int, int) {
	i := p
	for i > 0 && p-i < 1500 {
		c := s[i-1]
		if c == '\n' && (i-2 < 0 || s[i-2] == '\n' || s[i-2] == ';' || s[i-2] == '.' || s[i-2] == ':') {
			break
		}
		if (c == ' ' || c == '\n') && i-2 >= 0 && (s[i-2] == '.' || s[i-2] == '!' || s[i-2] == '?') && !(i-3 >= 0 && s[i-3] >= '0' && s[i-3] <= '9') {
			break
		}
		i--
	}
	j := p
	for j < len(s) && j-p < 1500 {
		c := s[j]
		if c == '\n' && (j+1 >= len(s) || s[j+1] == '\n') {
			break
		}
		if (c == '.' || c == '!' || c == '?') && (j+1 >= len(s) || s[j+1] == ' ' || s[j+1] == '\n') {
			j++
			break
		}
		j++
	}
	return i, j
}

// cutAtHeaderBreak cuts s at a blank line or before a line in capitals
// (another header part), so a citation in a wrapped subject does not run
// into the title or the date line.
func cutAtHeaderBreak(s string) string {
	for p := 0; p < len(s); {
		q := strings.IndexByte(s[p:], '\n')
		if q < 0 {
			break
		}
		q += p
		next := s[q+1:]
		if nl := strings.IndexByte(next, '\n'); nl >= 0 {
			next = next[:nl]
		}
		if strings.TrimSpace(next) == "" || isUpperLine(next) {
			return s[:q]
		}
		p = q + 1
	}
	return s
}

package docparse

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Parse reads one directive. It returns ErrEmpty, ErrTooLarge or ErrNotText
// (wrapped with a specific message) for input that is not a document, and
// otherwise a Draft, whose Warnings list what is missing or doubtful. It
// does not panic: an internal failure is returned as an error.
func Parse(text []byte) (dr *Draft, err error) {
	invalid, err := checkInput(text)
	if err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			dr, err = nil, fmt.Errorf("docparse: internal error: %v", r)
		}
	}()
	dr = &Draft{Size: len(text), References: []Reference{}, Tasks: []Task{}, Warnings: []Warning{}}
	if invalid > 0 {
		dr.warn("invalid_utf8", fmt.Sprintf("%d bytes are not valid UTF-8 and were replaced", invalid), Span{})
	}
	d := buildDoc(normalize(text))
	splitMergedColumns(d)
	hr := parseHeader(d, dr)
	lines := d.lines

	// Kính gửi (near the header)
	bodyStart := hr.end
	for k := 0; k < len(lines) && k < hr.end+40; k++ {
		if !containsAny(lines[k].s, "gửi", "GỬI", "điện", "ĐIỆN") {
			continue
		}
		if reKinhGui.MatchString(lines[k].s) || k >= hr.end && k > 0 && reTelegram.MatchString(lines[k].s) {
			if after := parseKinhGui(d, dr, k); after > bodyStart {
				bodyStart = after
			}
			break
		}
	}
	// End of the body: Nơi nhận, the signature, or the "./." mark.
	bodyEnd := len(lines)
	noiNhan := -1
	for k := len(lines) - 1; k >= bodyStart; k-- {
		if !containsAny(lines[k].s[:min(len(lines[k].s), 24)], "nhận", "NHẬN", "Nhận") {
			continue
		}
		if m := reNoiNhan.FindStringIndex(lines[k].s); m != nil && m[0] <= 2 {
			noiNhan = k
			break
		}
	}
	if noiNhan >= 0 {
		bodyEnd = noiNhan
	}
	for k := bodyStart; k < bodyEnd; k++ {
		s := lines[k].s
		if reFormulaLine.MatchString(s) && isUpperLine(s) {
			bodyEnd = k
			break
		}
		if strings.HasSuffix(s, "./.") || strings.HasSuffix(s, "/.") && strings.HasSuffix(s, "./.") {
			bodyEnd = k + 1
			break
		}
	}
	bodyEnd = max(bodyEnd, bodyStart)

	tableTasks, covered := parseTaskTables(d, dr, bodyStart, len(lines))
	first, promulgates := parseTasks(d, dr, bodyStart, bodyEnd, covered)
	if promulgates || len(dr.Tasks) == 0 && len(tableTasks) == 0 {
		// tasks of an annexed plan after the signature
		if a := annexStart(d, bodyEnd); a >= 0 {
			end := len(lines)
			for k := a + 1; k < len(lines); k++ {
				if reFormulaLine.MatchString(lines[k].s) && isUpperLine(lines[k].s) || strings.HasPrefix(lines[k].s, "Nơi nhận") {
					end = k
					break
				}
			}
			parseTasks(d, dr, a+1, end, covered)
		}
	}
	dr.Tasks = append(dr.Tasks, tableTasks...)
	bsOff := offsetOf(d, bodyStart)
	beOff := offsetOf(d, bodyEnd)
	preEnd := beOff
	if first >= 0 {
		preEnd = first
	}
	rc := refCtx{bodyStart: bsOff, bodyEnd: beOff, preambleEnd: preEnd, subjI: -1, subjJ: -1}
	if sp := dr.Header.Subject.Span; !sp.Empty() {
		rc.subjI, rc.subjJ = docRange(d, sp)
	}
	parseRefs(d, dr, rc)
	if len(dr.Tasks) == 0 {
		parseDuties(d, dr, bsOff, beOff)
	}
	if noiNhan >= 0 {
		parseNoiNhan(d, dr, noiNhan)
	}
	parseSignature(d, dr, bodyEnd)
	setActingBody(d, dr, bsOff, preEnd)
	checkConsistency(dr)
	if !looksVietnamese(d.t.s) {
		dr.warn("not_vietnamese", "text does not look Vietnamese; the rules of the genre may not apply", Span{})
	}
	if len(dr.Tasks) == 0 && first < 0 {
		dr.warn("no_tasks", "no numbered items found; tasks is empty", Span{})
	}
	return dr, nil
}

// checkConsistency warns where parts of the draft contradict each other,
// which usually means a misprint in the source or a parsing error.
func checkConsistency(dr *Draft) {
	h := dr.Header
	if h.TypeName.Text != "" && h.TypeCode.Span.End > 0 {
		_, dt, _ := typeNameAt(h.TypeName.Text)
		code := docTypeOf(h.TypeCode.Text, h.System == SystemParty)
		if dt != "" && code != DocOther && dt != code && !(dt == DocQuyDinh && code == DocQuyetDinh) && !(dt == DocThongTu && code == DocThongTri) {
			dr.warn("type_mismatch", fmt.Sprintf("the type line says %s but the symbol's type code %s means %s", h.TypeName.Text, h.TypeCode.Text, code), h.TypeName.Span)
		}
	}
	for _, r := range dr.References {
		if r.IssueDate.IsZero() {
			continue
		}
		if p := strings.Split(r.Symbol.Text, "/"); len(p) >= 3 {
			if y := atoiSafe(p[1]); y > 0 && y != r.IssueDate.Year() {
				dr.warn("ref_year_mismatch", fmt.Sprintf("%s carries the year %d but is dated %s", r.Symbol.Text, y, r.IssueDate.Format("02/01/2006")), r.Symbol.Span)
			}
		}
		if !h.IssueDate.IsZero() && r.IssueDate.After(h.IssueDate) {
			dr.warn("ref_after_issue", fmt.Sprintf("%s is dated after this document", r.Symbol.Text), r.IssueDateText.Span)
		}
	}
}

// offsetOf is the doc-text offset of line k (or the end).
func offsetOf(d *doc, k int) int {
	if k >= len(d.lines) {
		return len(d.t.s)
	}
	return d.lines[k].i
}

// docRange maps an original span back to doc-text offsets (first and last
// doc byte inside it).
func docRange(d *doc, sp Span) (int, int) {
	i, j := -1, -1
	for k := 0; k < len(d.t.s); k++ {
		if int(d.t.start[k]) >= sp.Start && i < 0 {
			i = k
		}
		if int(d.t.end[k]) <= sp.End {
			j = k + 1
		} else if i >= 0 {
			break
		}
	}
	if i < 0 || j < i {
		return -1, -1
	}
	return i, j
}

// setActingBody finds the organ acting for the issuer: "Ban Thường vụ
// Quận ủy yêu cầu …" in the preamble, else the collective of a T/M line.
func setActingBody(d *doc, dr *Draft, i, j int) {
	h := &dr.Header
	if h.ActingBody.Text != "" {
		return
	}
	if j > i {
		if m := firstMatchNear(reActing, d.t.s[i:j], []string{"Ban Thường vụ", "Thường trực", "Ban Chấp hành", "Ban Bí thư", "Bộ Chính trị", "Đảng đoàn", "Ban cán sự đảng"}, 0, 160); m != nil {
			f := d.fieldAt(i+m[2], i+m[5])
			h.ActingBody = f
			return
		}
	}
	for _, f := range dr.Signature.Formulas {
		if (f.Formula == "T/M" || f.Formula == "TM.") && f.Body != "" {
			h.ActingBody = Field{Text: f.Body, Span: f.Span}
			return
		}
	}
}

// looksVietnamese: letters proper to Vietnamese (ă, â, đ, ê, ô, ơ, ư and
// the tone-marked vowels) are frequent in any Vietnamese text and nearly
// absent from other languages written in Latin letters.
func looksVietnamese(s string) bool {
	letters, vi := 0, 0
	for _, r := range s[:runeStart(s, min(len(s), 8000))] {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				letters++
			}
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if r >= 0x1EA0 && r <= 0x1EF9 || strings.ContainsRune("ăâđêôơưĂÂĐÊÔƠƯàáãèéìíòóõùúýÀÁÃÈÉÌÍÒÓÕÙÚÝ", r) {
			vi++
		}
	}
	if letters < 20 {
		return true // too short to tell
	}
	return vi*100 >= letters*4
}

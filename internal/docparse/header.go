package docparse

import (
	"regexp"
	"strings"
)

// The header (DOMAIN.md §1.5): issuer lines (superior above issuer, upper
// case), the title ("ĐẢNG CỘNG SẢN VIỆT NAM" or the Quốc hiệu + tiêu ngữ),
// "Số …" with the symbol, the V/v subject of a công văn, the date line, and
// for other types the type name ("KẾ HOẠCH") followed by the title. Text
// extraction reorders these (the title often comes after the left column),
// splits them over lines, or puts a whole table row on one line, so each
// line is classified on its own rather than by position.
var (
	reNumberLine   = regexp.MustCompile(`(?i)(?:^|\s)(số|so)\s*[:.]?\s*`)
	reVv           = regexp.MustCompile(`(?:^|\s)(?:V/v|V/V|v/v|Về việc)\s*[:.]?\s*`)
	reKinhGui      = regexp.MustCompile(`(?i)^\s*-?\s*kính\s+gửi\s*[:.]?\s*`)
	reTelegram     = regexp.MustCompile(`(?i)(?:^|\s)điện\s*:\s*$`)
	reMotto        = regexp.MustCompile(`(?i)độc\s+lập\s*-\s*tự\s+do\s*-\s*hạnh\s+phúc`)
	rePartyTitle   = regexp.MustCompile(`(?i)đảng\s+cộng\s+sản\s+việt\s+nam|đoàn\s+(?:tncs|thanh\s+niên\s+cộng\s+sản)\s+hồ\s+chí\s+minh`)
	reStateTitle   = regexp.MustCompile(`(?i)cộng\s+hòa\s+xã\s+hội(?:\s+chủ\s+nghĩa\s+việt\s+nam)?`)
	reStateTail    = regexp.MustCompile(`(?i)^\s*chủ\s+nghĩa\s+việt\s+nam`)
	reSecrecy      = regexp.MustCompile(`(?:^|[^\p{L}])(TUYỆT MẬT|TỐI MẬT|MẬT)(?:[^\p{L}]|$)`)
	reUrgency      = regexp.MustCompile(`(?:^|[^\p{L}])(THƯỢNG KHẨN|HỎA TỐC(?: HẸN GIỜ)?|KHẨN)(?:[^\p{L}]|$)`)
	reMarkingsOnly = regexp.MustCompile(`^(?:\s|TUYỆT MẬT|TỐI MẬT|MẬT|THƯỢNG KHẨN|HỎA TỐC HẸN GIỜ|HỎA TỐC|KHẨN|[,;.])*$`)
	reActing       = regexp.MustCompile(`(Ban Thường vụ|Thường trực|Ban Chấp hành|Ban Bí thư|Bộ Chính trị|Ban Thường trực|Đảng đoàn|Ban cán sự đảng)((?:\s+\p{Lu}[\p{L}]*(?:\s+\p{Ll}+)?){0,4}?)\s+(yêu cầu|đề nghị|chỉ đạo|giao|quyết định|kết luận|thông báo|ban hành (?:Kế hoạch|Chỉ thị|Hướng dẫn|Chương trình|Quy định|Nghị quyết|Thông tri|Quyết định)(?: này|\s*(?:triển khai|thực hiện|về|như sau)))`)
)

// typeNames maps a printed type name to its DocType and usual code.
var typeNames = []struct {
	name string
	dt   DocType
	code string
}{
	{"CHƯƠNG TRÌNH HÀNH ĐỘNG", DocChuongTrinh, "CTr"}, {"KẾ HOẠCH", DocKeHoach, "KH"},
	{"CHỈ THỊ", DocChiThi, "CT"}, {"KẾT LUẬN", DocKetLuan, "KL"}, {"NGHỊ QUYẾT", DocNghiQuyet, "NQ"},
	{"QUYẾT ĐỊNH", DocQuyetDinh, "QĐ"}, {"QUY ĐỊNH", DocQuyDinh, "QĐ"}, {"QUY CHẾ", DocQuyChe, "QC"},
	{"HƯỚNG DẪN", DocHuongDan, "HD"}, {"THÔNG BÁO", DocThongBao, "TB"}, {"THÔNG TRI", DocThongTri, "TT"},
	{"THÔNG CÁO", DocThongCao, "TC"}, {"BÁO CÁO", DocBaoCao, "BC"}, {"CHƯƠNG TRÌNH", DocChuongTrinh, "CTr"},
	{"TỜ TRÌNH", DocToTrinh, "TTr"}, {"ĐỀ ÁN", DocDeAn, "ĐA"}, {"PHƯƠNG ÁN", DocPhuongAn, "PA"},
	{"DỰ ÁN", DocDuAn, "DA"}, {"CÔNG ĐIỆN", DocCongDien, "CĐ"}, {"NGHỊ ĐỊNH", DocNghiDinh, "NĐ"},
	{"THÔNG TƯ", DocThongTu, "TT"}, {"LUẬT", DocLuat, ""}, {"BIÊN BẢN", DocBienBan, "BB"},
	{"GIẤY MỜI", DocGiayMoi, "GM"}, {"QUY HOẠCH", DocQuyHoach, "QH"}, {"CÔNG VĂN", DocCongVan, "CV"},
	{"LỜI KÊU GỌI", DocOther, ""}, {"TUYÊN BỐ", DocOther, ""}, {"BẢN SAO", DocBanSao, "BS"},
}

// typeNameAt reports whether an upper-case line starts with a type name and
// returns it and the byte length of the name.
func typeNameAt(s string) (string, DocType, int) {
	u := strings.ToUpper(strings.TrimSpace(s))
	for _, tn := range typeNames {
		if strings.HasPrefix(u, tn.name) {
			rest := u[len(tn.name):]
			if rest == "" || rest[0] == ' ' || rest[0] == ':' {
				return tn.name, tn.dt, len(tn.name)
			}
		}
	}
	return "", "", 0
}

// bodyCue: lines starting so begin the body, not the header.
var reBodyCue = regexp.MustCompile(`^(?:Căn cứ|Thực hiện|Ngày \d|Để |Kính gửi|Trong |Theo |Qua |Sau |Triển khai|Nhằm |Tại |Xét |Trên cơ sở|Tiếp theo|Trả lời|Phúc đáp|Vừa qua|Thời gian qua|Những năm qua|Hiện nay|Thi hành|Quán triệt|Nhận được)`)

// headerResult carries header facts needed by the later stages.
type headerResult struct {
	end        int // first line index after the header
	numberLine int
	subjectEnd int
}

func parseHeader(d *doc, dr *Draft) headerResult {
	h := &dr.Header
	res := headerResult{numberLine: -1}
	lines := d.lines
	limit := min(len(lines), 120)
	var issuerLines []int
	var vvCands []int
	dateFound := false
	end := limit
loop:
	for k := 0; k < limit; k++ {
		l := lines[k]
		if l.blank() {
			continue
		}
		s := l.s
		// Kính gửi ends the header.
		if reKinhGui.MatchString(s) || reTelegram.MatchString(s) && k > 0 {
			end = k
			break
		}
		// A section or item marker starts the body ("I. MỤC ĐÍCH", "1. …").
		if reSection.MatchString(s) && !reNumberLine.MatchString(s[:min(len(s), 6)]) {
			end = k
			break
		}
		// A long running-text line starts the body.
		if !isUpperLine(s) && runeLen(s) > 150 && !reVv.MatchString(s) && !strings.HasPrefix(strings.ToLower(s), "số") {
			if _, ok := findDateLine(s); !ok {
				end = k
				break
			}
		}
		if isUpperLine(s) && runeLen(s) < 40 {
			marked := false
			if m := reSecrecy.FindStringSubmatchIndex(s); m != nil && h.Secrecy.Text == "" {
				h.Secrecy = d.field(l, m[2], m[3])
				marked = true
			}
			if m := reUrgency.FindStringSubmatchIndex(s); m != nil && h.Urgency.Text == "" {
				h.Urgency = d.field(l, m[2], m[3])
				marked = true
			}
			if marked && reMarkingsOnly.MatchString(s) {
				continue
			}
		}
		handled := false
		// Title lines, possibly with an issuer merged in front of them.
		if m := rePartyTitle.FindStringIndex(s); m != nil && isUpperLine(s[m[0]:m[1]]) {
			h.Title = d.field(l, m[0], m[1])
			if h.System == "" && !strings.HasPrefix(strings.ToUpper(h.Title.Text), "ĐOÀN") {
				h.System = SystemParty
			}
			if pre := strings.TrimSpace(s[:m[0]]); pre != "" && isUpperLine(pre) && res.numberLine < 0 {
				issuerLines = append(issuerLines, -k-1) // prefix of line k
			}
			handled = true
		} else if m := reStateTitle.FindStringIndex(s); m != nil && isUpperLine(s[m[0]:m[1]]) {
			h.Title = d.field(l, m[0], m[1])
			h.System = SystemState
			if pre := strings.TrimSpace(s[:m[0]]); pre != "" && isUpperLine(pre) && res.numberLine < 0 {
				issuerLines = append(issuerLines, -k-1)
			}
			// "CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM" broken over two lines
			if !strings.Contains(strings.ToLower(s[m[0]:m[1]]), "chủ") && k+1 < len(lines) && reStateTail.MatchString(lines[k+1].s) {
				h.Title = d.fieldAt(l.i+m[0], lines[k+1].j)
				k++
			}
			handled = true
		}
		if m := reMotto.FindStringIndex(s); m != nil {
			handled = true
			if pre := strings.TrimSpace(s[:m[0]]); pre != "" && isUpperLine(pre) && res.numberLine < 0 {
				issuerLines = append(issuerLines, -k-1)
			}
		}
		if handled {
			continue
		}
		// Số …
		if res.numberLine < 0 {
			if m := reNumberLine.FindStringSubmatchIndex(s); m != nil && m[2] <= 3 {
				syms := findSymbols(s[m[1]:])
				if len(syms) > 0 && syms[0].i < 4 {
					sm := syms[0]
					base := m[1]
					setSymbol(d, dr, l, sm, base)
					res.numberLine = k
					// the V/v and date may share the line (table cell)
					rest := s[base+sm.j:]
					if v := reVv.FindStringIndex(rest); v != nil {
						vvCands = append([]int{k}, vvCands...)
					}
					if !dateFound {
						if dl, ok := findDateLine(rest); ok {
							setDateLine(d, dr, l.i+base+sm.j, dl)
							dateFound = true
						}
					}
					continue
				}
			}
		}
		// A symbol alone on its line, its "Số" lost in conversion.
		if res.numberLine < 0 && runeLen(s) < 40 {
			if syms := findSymbols(s); len(syms) == 1 && strings.TrimSpace(s[:syms[0].i]) == "" && strings.Trim(s[syms[0].j:], " .,*") == "" {
				setSymbol(d, dr, l, syms[0], 0)
				res.numberLine = k
				dr.warn("symbol_without_so", "the number/symbol is printed without \"Số\"", dr.Header.Symbol.Span)
				continue
			}
		}
		// Date line (may run onto the next line).
		if !dateFound && (strings.Contains(strings.ToLower(s), "ngày") || strings.HasSuffix(strings.TrimSpace(s), ",")) {
			e := lines[min(k+2, len(lines)-1)].j
			chunk := d.t.s[l.i:e]
			if dl, ok := findDateLine(chunk); ok && dl.pi < len(s) {
				setDateLine(d, dr, l.i, dl)
				dateFound = true
				// skip the lines the date ran onto
				for k+1 < limit && lines[k+1].i < l.i+dl.dj {
					k++
				}
				continue
			}
		}
		if v := reVv.FindStringIndex(s); v != nil && v[0] <= 3 {
			vvCands = append(vvCands, k)
			k = vvEnd(d, k)
			continue
		}
		// "KẾ HOẠCH Tổ chức …": the type name and the title on one line
		if name, dt, n := typeNameAt(s); name != "" && !isUpperLine(s) && isUpperLine(s[:n]) && startsUpper(s[n:]) && (res.numberLine >= 0 || dateFound) {
			h.TypeName = d.field(l, 0, n)
			if h.DocType == "" || h.DocType == DocOther {
				h.DocType = dt
			}
			res.subjectEnd = parseTitle(d, dr, k, n)
			end = res.subjectEnd
			break
		}
		if !isUpperLine(s) {
			// Running text: the body has started, unless nothing of the
			// header has been seen yet (page debris above it).
			if len(issuerLines) == 0 && res.numberLine < 0 && !dateFound && h.Title.Text == "" && len(vvCands) == 0 && runeLen(s) < 100 && !strings.HasSuffix(s, ".") {
				continue
			}
			end = k
			break
		}
		if isUpperLine(s) {
			if name, dt, n := typeNameAt(s); name != "" && (res.numberLine >= 0 || dateFound || len(issuerLines) > 0) {
				h.TypeName = d.field(l, 0, n)
				if h.DocType == "" || h.DocType == DocOther {
					h.DocType = dt
				}
				res.subjectEnd = parseTitle(d, dr, k, n)
				end = res.subjectEnd
				break loop
			}
			if res.numberLine < 0 && !dateFound && strings.Trim(s, "* ") != "" {
				issuerLines = append(issuerLines, k)
			}
		}
	}
	res.end = end
	if !dateFound {
		// the date line may sit after the addressees (reordered columns)
		for k := end; k < min(len(lines), end+40); k++ {
			l := lines[k]
			if l.blank() || !containsAny(l.s, "ngày", "Ngày", "NGÀY") || strings.HasPrefix(l.s, "Ngày") {
				continue
			}
			e := lines[min(k+2, len(lines)-1)].j
			if dl, ok := findDateLine(d.t.s[l.i:e]); ok && dl.pi < len(l.s) && runeLen(l.s) < 80 {
				setDateLine(d, dr, l.i, dl)
				break
			}
		}
	}
	if len(vvCands) > 0 && h.Subject.Text == "" {
		best := vvCands[0]
		for _, k := range vvCands {
			if res.numberLine >= 0 && k >= res.numberLine {
				best = k
				break
			}
		}
		setVv(d, dr, best)
		if h.DocType == "" {
			h.DocType = DocCongVan
		}
	}
	setIssuer(d, dr, issuerLines)
	if h.System == "" {
		switch {
		case h.Symbol.Text != "" && strings.Contains(h.Symbol.Text, "-") && strings.Index(h.Symbol.Text, "-") < strings.Index(h.Symbol.Text, "/"):
			h.System = SystemParty
		case h.Symbol.Text != "":
			h.System = SystemState
		}
	}
	// The Front and the mass organisations: the Youth Union prints its own
	// title and Party-style symbols, the others the Quốc hiệu.
	if isFrontName(h.Issuer.Text) && !rePartyTitle.MatchString(h.Title.Text) || strings.HasPrefix(strings.ToUpper(h.Title.Text), "ĐOÀN") {
		h.System = SystemFront
	}
	if h.Symbol.Text == "" {
		dr.warn("no_symbol", "no number/symbol found (expected a line like \"Số 1416-CV/QU\" or \"Số: 1026/KH-UBND\")", Span{})
	}
	if h.IssueDate.IsZero() {
		dr.warn("no_date", "no date line found (expected \"<place>, ngày DD tháng MM năm YYYY\")", Span{})
	}
	if h.Issuer.Text == "" {
		dr.warn("no_issuer", "no issuer name found in the header", Span{})
	}
	if h.Subject.Text == "" {
		dr.warn("no_subject", "no subject (V/v line or title) found", Span{})
	}
	return res
}

func isFrontName(s string) bool {
	l := strings.ToLower(s)
	for _, w := range []string{"mặt trận", "mttq", "công đoàn", "liên đoàn lao động", "đoàn thanh niên", "hội liên hiệp phụ nữ", "hội nông dân", "hội cựu chiến binh", "hội chữ thập đỏ", "tỉnh đoàn", "thành đoàn", "trung ương đoàn"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// field makes a Field from [i, j) of line l.
func (d *doc) field(l line, i, j int) Field {
	i, j = trimRange(l.s, i, j, " ")
	return Field{Text: collapse(l.s[i:j]), Span: d.t.span(l.i+i, l.i+j)}
}

// fieldAt makes a Field from [i, j) of the document text.
func (d *doc) fieldAt(i, j int) Field {
	i, j = trimRange(d.t.s, i, j, " \n")
	return Field{Text: collapse(d.t.s[i:j]), Span: d.t.span(i, j)}
}

func setSymbol(d *doc, dr *Draft, l line, sm symbolMatch, base int) {
	h := &dr.Header
	off := l.i + base
	h.Symbol = Field{Text: sm.text, Span: d.t.span(off+sm.i, off+sm.j)}
	h.NumberText = Field{Text: sm.number, Span: d.t.span(off+sm.i, off+sm.i+len(sm.number))}
	h.Number = atoiSafe(sm.number)
	raw := d.t.s[off+sm.i : off+sm.j]
	if sm.typeCode != "" {
		if p := strings.Index(raw, sm.typeCode); p >= 0 {
			h.TypeCode = Field{Text: sm.typeCode, Span: d.t.span(off+sm.i+p, off+sm.i+p+len(sm.typeCode))}
		} else {
			h.TypeCode = Field{Text: sm.typeCode}
		}
	} else {
		h.TypeCode = Field{Text: sm.displayType()}
	}
	if p := strings.LastIndex(raw, strings.SplitN(sm.issuer, "-", 2)[0]); p >= 0 && sm.issuer != "" {
		h.IssuerCode = Field{Text: sm.issuer, Span: d.t.span(off+sm.i+p, off+sm.j)}
	}
	h.DocType = sm.docType()
	if sm.party {
		h.System = SystemParty
	}
}

func setDateLine(d *doc, dr *Draft, off int, dl dateLineMatch) {
	h := &dr.Header
	h.Place = Field{Text: collapse(dl.place), Span: d.t.span(off+dl.pi, off+dl.pj)}
	h.IssueDate = dl.t
	h.IssueDateText = d.fieldAt(off+dl.di, off+dl.dj)
}

// setVv takes the subject of a công văn: the V/v line and the lines it runs
// onto, up to a blank line or another header part.
func setVv(d *doc, dr *Draft, k int) {
	l := d.lines[k]
	v := reVv.FindStringIndex(l.s)
	if v == nil {
		return
	}
	st := l.i + v[0]
	for st < len(d.t.s) && d.t.s[st] == ' ' {
		st++
	}
	e := d.lines[vvEnd(d, k)].j
	// a date line merged after the subject in the same cell
	f := d.fieldAt(st, e)
	if dl, ok := findDateLine(d.t.s[st:e]); ok {
		f = d.fieldAt(st, st+dl.pi)
	}
	dr.Header.Subject = Field{Text: strings.TrimRight(f.Text, " ,;"), Span: f.Span}
}

// vvEnd returns the last line of the V/v subject starting at line k: it
// runs onto the following lines up to a blank line or another header part.
func vvEnd(d *doc, k int) int {
	last := k
	for x := k + 1; x < len(d.lines) && x < k+6; x++ {
		n := d.lines[x]
		if n.blank() || n.cell || isUpperLine(n.s) || reKinhGui.MatchString(n.s) || reNumberLine.MatchString(n.s) && strings.HasPrefix(strings.ToLower(n.s), "số") {
			break
		}
		if _, ok := findDateLine(n.s); ok {
			break
		}
		if reBodyCue.MatchString(n.s) || runeLen(n.s) > 160 || reVv.MatchString(n.s) {
			break
		}
		last = x
	}
	return last
}

// parseTitle reads the title after the type-name line at k (its first n
// bytes are the name); it returns the line index after the title.
func parseTitle(d *doc, dr *Draft, k, n int) int {
	l := d.lines[k]
	st, e := -1, -1
	if rest := strings.TrimSpace(strings.TrimLeft(l.s[n:], " :")); rest != "" {
		st = l.i + strings.Index(l.s, rest)
		e = l.j
	}
	x := k + 1
	seen := st >= 0
	for ; x < len(d.lines) && x < k+12; x++ {
		nl := d.lines[x]
		if nl.blank() {
			if seen {
				x++
				break
			}
			continue
		}
		s := nl.s
		if strings.HasPrefix(s, "CỦA ") || strings.HasPrefix(s, "Của ") {
			if dr.Header.ActingBody.Text == "" {
				dr.Header.ActingBody = d.field(nl, len("CỦA "), len(s))
				dr.Header.ActingBody.Text = prettyName(dr.Header.ActingBody.Text)
			}
			continue
		}
		if reKinhGui.MatchString(s) || reSectionStart(s) || runeLen(s) > 250 {
			break
		}
		if _, ok := findDateLine(s); ok {
			break
		}
		// The first line after the type name is the title even when it
		// starts like the body ("Thực hiện Kế hoạch số …"); a later line
		// continues it only when it is in capitals like it or starts in
		// lower case (a wrapped title), else the body has begun.
		if seen && !isUpperLine(s) && startsUpper(s) {
			break
		}
		if seen && reBodyCue.MatchString(s) {
			break
		}
		// an upper-case line after a mixed-case title is the next header
		// part (the authority line of a decision: "CHỦ TỊCH ỦY BAN …")
		if seen && isUpperLine(s) && st >= 0 && !isUpperLine(d.t.s[st:e]) {
			break
		}
		if st < 0 {
			st = nl.i
		}
		e = nl.j
		seen = true
	}
	if st >= 0 {
		f := d.fieldAt(st, e)
		f.Text = strings.Trim(f.Text, " -")
		dr.Header.Subject = f
	}
	return x
}

var reSection = regexp.MustCompile(`^(?:[IVX]{1,5}|\d{1,2}|[A-ZĐ])[.)]\s`)

func reSectionStart(s string) bool {
	return reSection.MatchString(s) || strings.HasPrefix(s, "Điều ")
}

// setIssuer groups the upper-case issuer lines: a line that continues the
// previous name ("ỦY BAN NHÂN DÂN" / "TỈNH NGHỆ AN") is merged; the last
// name is the issuer and the ones above it the superior.
func setIssuer(d *doc, dr *Draft, ks []int) {
	type part = hpart
	var groups [][]part
	for _, k := range ks {
		var p part
		if k < 0 { // prefix of a title line
			l := d.lines[-k-1]
			m := rePartyTitle.FindStringIndex(l.s)
			if m == nil {
				m = reStateTitle.FindStringIndex(l.s)
			}
			if m == nil {
				m = reMotto.FindStringIndex(l.s)
			}
			if m == nil {
				continue
			}
			i, j := trimRange(l.s, 0, m[0], " -")
			p = part{l.i + i, l.i + j, l.s[i:j]}
		} else {
			l := d.lines[k]
			i, j := trimRange(l.s, 0, len(l.s), " -*")
			p = part{l.i + i, l.i + j, l.s[i:j]}
		}
		if p.s == "" || !isUpperLine(p.s) {
			continue
		}
		if _, _, n := typeNameAt(p.s); n > 0 {
			continue
		}
		if len(groups) > 0 && continuesName(groups[len(groups)-1], p.s) {
			groups[len(groups)-1] = append(groups[len(groups)-1], p)
			continue
		}
		groups = append(groups, []part{p})
	}
	if len(groups) == 0 {
		return
	}
	mk := func(g []part) (Field, string) {
		var ss []string
		for _, p := range g {
			ss = append(ss, p.s)
		}
		printed := collapse(strings.Join(ss, " "))
		return Field{Text: printed, Span: d.t.span(g[0].i, g[len(g)-1].j)}, printed
	}
	last := groups[len(groups)-1]
	f, printed := mk(last)
	dr.Header.IssuerPrinted = f
	dr.Header.Issuer = Field{Text: prettyName(printed), Span: f.Span}
	if len(groups) > 1 {
		var all []part
		for _, g := range groups[:len(groups)-1] {
			all = append(all, g...)
		}
		sf, sp := mk(all)
		dr.Header.Superior = Field{Text: prettyName(sp), Span: sf.Span}
	}
}

// hpart is one issuer line (or the part of a line before the title).
type hpart struct {
	i, j int
	s    string
}

// continuesName reports whether an issuer line continues the previous one.
func continuesName(prev []hpart, s string) bool { return continuesNameS(prev[len(prev)-1].s, s) }

func continuesNameS(prev, s string) bool {
	toks := tokenize(strings.ToLower(s))
	if len(toks) == 0 {
		return false
	}
	if n := localityWords.match(toks, 0); n > 0 {
		return !(n < len(toks) && toks[n].low == "ủy")
	}
	pl := strings.ToLower(prev)
	if strings.HasSuffix(pl, "nhân") || strings.HasSuffix(pl, "ban chấp hành") || strings.HasSuffix(pl, " và") || strings.HasSuffix(pl, "-") || strings.HasSuffix(pl, ",") {
		return true
	}
	if h, _ := headAt(toks, 0); h > 0 {
		return false
	}
	if toks[0].low == "trung" || toks[0].low == "dân" || toks[0].low == "lần" || toks[0].low == "nhiệm" || toks[0].low == "khóa" {
		return true
	}
	return false
}

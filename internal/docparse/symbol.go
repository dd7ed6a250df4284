package docparse

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Symbols (số và ký hiệu) come in three shapes:
//
//	Party:  1416-CV/QU         number-TYPE/ISSUER (issuer may be joint: BTCTW-BTGTW)
//	State:  1026/KH-UBND       number/TYPE-ISSUER; công văn: 3354/VPCP-KGVX (no type)
//	Legal:  30/2020/NĐ-CP      number/year/TYPE-ISSUER; laws: 59/2020/QH14
const code = `\p{Lu}[\p{L}\d]*`

var (
	reParty = regexp.MustCompile(`(?:^|[^\p{L}\d/.-])(\d[\dO]{0,4})\s?-\s?(` + code + `)\s?/\s?(` + code + `(?:-` + code + `)*)`)
	reState = regexp.MustCompile(`(?:^|[^\p{L}\d/.-])(\d[\dO]{0,4})\s?/\s?(?:(\d{4})\s?/\s?)?(` + code + `)((?:\s?-\s?` + code + `)+)`)
	reLaw   = regexp.MustCompile(`(?:^|[^\p{L}\d/.-])(\d{1,5})/(\d{4})/((?:UBTV)?QH\d{1,2})\b`)
)

// symbolMatch is a symbol found in a string; i, j bound the symbol itself.
type symbolMatch struct {
	i, j     int
	text     string // normalised symbol text ("44-KL/TW")
	number   string
	year     string
	typeCode string // "" for a state công văn (then type is CV)
	issuer   string
	party    bool
}

// stateTypeCodes are the type codes of ND 30/2020 Phụ lục III, of legal
// documents, and the Party codes, upper-cased for look-up.
var typeCodes = map[string]DocType{
	"NQ": DocNghiQuyet, "NQLT": DocNghiQuyet, "QĐ": DocQuyetDinh, "QD": DocQuyetDinh, "QĐNS": DocQuyetDinh,
	"QĐI": DocQuyDinh, "QYĐ": DocQuyDinh, "CT": DocChiThi, "KL": DocKetLuan, "QC": DocQuyChe,
	"TT": DocThongTu, "TTLT": DocThongTu, "HD": DocHuongDan, "HDLT": DocHuongDan, "TB": DocThongBao,
	"TC": DocThongCao, "BC": DocBaoCao, "KH": DocKeHoach, "QH": DocQuyHoach, "CTR": DocChuongTrinh,
	"CTHĐ": DocChuongTrinh, "ĐA": DocDeAn, "PA": DocPhuongAn, "DA": DocDuAn, "TTR": DocToTrinh,
	"CV": DocCongVan, "CĐ": DocCongDien, "BB": DocBienBan, "GM": DocGiayMoi, "GGT": DocGiayGioiThieu,
	"BS": DocBanSao, "SY": DocBanSao, "TRS": DocBanSao, "SL": DocBanSao, "HĐ": DocHopDong,
	"NĐ": DocNghiDinh, "ND": DocNghiDinh, "BGN": DocOther, "BTT": DocOther, "GUQ": DocOther,
	"GNP": DocOther, "PG": DocOther, "PC": DocOther, "PB": DocOther, "HNVB": DocOther, "L": DocLuat,
	"PL": DocOther, "TTRLT": DocToTrinh, "BCLT": DocBaoCao, "KHLT": DocKeHoach,
}

// docTypeOf maps a printed type code to a DocType. TT is Thông tri in a
// Party symbol and Thông tư in a state/legal one; QĐ in a Party symbol is
// also used by Quy định, which the type line tells apart.
func docTypeOf(typeCode string, party bool) DocType {
	u := strings.ToUpper(typeCode)
	if u == "" {
		return DocCongVan
	}
	if party && u == "TT" {
		return DocThongTri
	}
	if dt, ok := typeCodes[u]; ok {
		return dt
	}
	return DocOther
}

func isTypeCode(s string) bool {
	_, ok := typeCodes[strings.ToUpper(s)]
	return ok
}

// findSymbols returns the symbols in s, in order, without overlaps.
func findSymbols(full string) []symbolMatch {
	if !strings.ContainsAny(full, "-/") {
		return nil
	}
	var all []symbolMatch
	for _, w := range symbolWindows(full) {
		for _, m := range symbolsIn(full[w.i:w.j]) {
			m.i += w.i
			m.j += w.i
			if n := len(all); n > 0 && m.i < all[n-1].j {
				continue
			}
			all = append(all, m)
		}
	}
	return all
}

// symbolWindows are the windows where a symbol may start: a run of digits
// followed by "-" or "/" (symbols are at most ~40 bytes long).
func symbolWindows(s string) []window {
	var ws []window
	for p := 0; p < len(s); p++ {
		c := s[p]
		if c < '0' || c > '9' {
			continue
		}
		q := p
		for q < len(s) && (s[q] >= '0' && s[q] <= '9' || s[q] == 'O') {
			q++
		}
		r := q
		if r < len(s) && s[r] == ' ' {
			r++
		}
		if r < len(s) && (s[r] == '-' || s[r] == '/') && codeFollows(s, r+1) {
			i, j := runeStart(s, max(0, p-1)), runeStart(s, min(len(s), p+90))
			if n := len(ws); n > 0 && i <= ws[n-1].j {
				ws[n-1].j = max(ws[n-1].j, j)
			} else {
				ws = append(ws, window{i, j})
			}
		}
		p = q
	}
	return ws
}

// codeFollows reports whether a code (a capital letter) or a four-digit
// year and a code follow at s[p:] — which a date ("21/10/2025") lacks.
func codeFollows(s string, p int) bool {
	if p < len(s) && s[p] == ' ' {
		p++
	}
	if p >= len(s) {
		return false
	}
	if s[p] >= '0' && s[p] <= '9' {
		q := p
		for q < len(s) && s[q] >= '0' && s[q] <= '9' {
			q++
		}
		return q-p == 4 && q+1 < len(s) && s[q] == '/' && codeFollows(s, q+1)
	}
	r, _ := utf8.DecodeRuneInString(s[p:])
	return unicode.IsUpper(r)
}

func symbolsIn(s string) []symbolMatch {
	var out []symbolMatch
	for _, m := range reParty.FindAllStringSubmatchIndex(s, -1) {
		sm := symbolMatch{i: m[2], j: m[7], number: s[m[2]:m[3]], typeCode: s[m[4]:m[5]], issuer: s[m[6]:m[7]], party: true}
		out = append(out, sm)
	}
	for _, m := range reState.FindAllStringSubmatchIndex(s, -1) {
		sm := symbolMatch{i: m[2], j: m[9], number: s[m[2]:m[3]]}
		first := s[m[6]:m[7]]
		rest := strings.TrimLeft(strings.ReplaceAll(s[m[8]:m[9]], " ", ""), "-")
		if m[4] >= 0 {
			sm.year = s[m[4]:m[5]]
		}
		if sm.year != "" || isTypeCode(first) {
			sm.typeCode = first
			sm.issuer = rest
		} else {
			sm.issuer = first + "-" + rest
		}
		out = appendNoOverlap(out, sm)
	}
	for _, m := range reLaw.FindAllStringSubmatchIndex(s, -1) {
		sm := symbolMatch{i: m[2], j: m[7], number: s[m[2]:m[3]], year: s[m[4]:m[5]], issuer: s[m[6]:m[7]], typeCode: ""}
		out = appendNoOverlap(out, sm)
	}
	// sort by position (few items: insertion sort)
	for a := 1; a < len(out); a++ {
		for b := a; b > 0 && out[b].i < out[b-1].i; b-- {
			out[b], out[b-1] = out[b-1], out[b]
		}
	}
	for k := range out {
		out[k].fix()
	}
	return out
}

func appendNoOverlap(out []symbolMatch, sm symbolMatch) []symbolMatch {
	for _, o := range out {
		if sm.i < o.j && o.i < sm.j {
			return out
		}
	}
	return append(out, sm)
}

// fix repairs OCR noise in the parts and renders the symbol text.
func (m *symbolMatch) fix() {
	m.number = fixNumber(m.number)
	m.typeCode = fixCode(m.typeCode)
	m.issuer = fixCode(m.issuer)
	parts := strings.Split(m.issuer, "-")
	for k, p := range parts {
		if p == "TƯ" {
			parts[k] = "TW" // OCR of TW
		}
	}
	m.issuer = strings.Join(parts, "-")
	switch {
	case m.party:
		m.text = m.number + "-" + m.typeCode + "/" + m.issuer
	case m.year != "" && m.typeCode == "":
		m.text = m.number + "/" + m.year + "/" + m.issuer
	case m.year != "":
		m.text = m.number + "/" + m.year + "/" + m.typeCode + "-" + m.issuer
	case m.typeCode != "":
		m.text = m.number + "/" + m.typeCode + "-" + m.issuer
	default:
		m.text = m.number + "/" + m.issuer
	}
}

// fixCode removes spaces and reads a zero between letters as the letter O.
func fixCode(s string) string {
	s = strings.ReplaceAll(s, " ", "")
	if !strings.Contains(s, "0") {
		return s
	}
	rs := []rune(s)
	for k := 1; k+1 < len(rs); k++ {
		if rs[k] == '0' && unicode.IsLetter(rs[k-1]) && unicode.IsLetter(rs[k+1]) {
			rs[k] = 'O'
		}
	}
	return string(rs)
}

// fixNumber reads O/o between digits as zero ("1O26").
func fixNumber(s string) string {
	if !strings.ContainsAny(s, "Oo") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == 'O' || r == 'o' {
			return '0'
		}
		return r
	}, s)
}

// displayType is the type code of the corpus form: the printed code, or
// "CV" for a state công văn.
func (m symbolMatch) displayType() string {
	if m.typeCode == "" {
		if m.year != "" {
			return ""
		}
		return "CV"
	}
	return m.typeCode
}

func (m symbolMatch) docType() DocType {
	if m.typeCode == "" && m.year != "" {
		return DocLuat
	}
	return docTypeOf(m.typeCode, m.party)
}

func atoiSafe(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

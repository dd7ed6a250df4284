package docparse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names in headers and signatures are printed in capitals. prettyName gives
// them the case used in running text: known institution words from a
// dictionary ("Ủy ban nhân dân", "Quận ủy"), locality words in lower case
// followed by the place name in title case ("tỉnh Nghệ An"), acronyms kept,
// and other name words with the first syllable of each component capitalised
// ("Lao động - Thương binh và Xã hội").
var properCase = map[string]string{}
var properDict dict

func init() {
	words := []string{
		"Ủy ban nhân dân", "Hội đồng nhân dân", "Đảng bộ", "Quận ủy", "Tỉnh ủy", "Huyện ủy", "Thành ủy",
		"Thị ủy", "Đảng ủy", "Chi bộ", "Chi ủy", "Ban Chấp hành Trung ương", "Ban Chấp hành", "Trung ương",
		"Văn phòng", "Chính phủ", "Thủ tướng", "Bộ", "Sở", "Ban Thường vụ", "Ban", "Ủy ban Kiểm tra",
		"Mặt trận Tổ quốc Việt Nam", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Ủy ban", "Công an", "Đảng",
		"Việt Nam", "Ban Tuyên giáo", "Ban Tuyên giáo và Dân vận", "Ban Tổ chức", "Ban Dân vận",
		"Ban Nội chính", "Ban Chỉ đạo", "Ban Bí thư", "Bộ Chính trị", "Quốc hội", "Đoàn đại biểu Quốc hội",
		"Tổng cục", "Cục", "Vụ", "Phòng", "Trung tâm", "Hội", "Liên đoàn Lao động", "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
		"Hội Chữ thập đỏ", "Hội Nông dân", "Hội Liên hiệp Phụ nữ", "Hội Cựu chiến binh", "Thường trực",
		"Ban Thường trực", "Đảng đoàn", "Ban cán sự đảng", "Chủ tịch", "Phó Chủ tịch", "Bí thư", "Phó Bí thư",
		"Thường trực", "Giám đốc", "Phó Giám đốc", "Trưởng ban", "Phó Trưởng ban", "Chánh Văn phòng",
		"Phó Chánh Văn phòng", "Bộ trưởng", "Thứ trưởng", "Chủ nhiệm", "Phó Chủ nhiệm", "Phó Thủ tướng",
		"Cục trưởng", "Phó Cục trưởng", "Vụ trưởng", "Phó Vụ trưởng", "Trưởng phòng", "Phó Trưởng phòng",
		"Ủy viên", "Tổng Bí thư", "Chủ tịch nước", "Viện trưởng", "Chánh án", "Tổng Giám đốc",
		"Kho bạc Nhà nước", "Tòa án nhân dân", "Viện kiểm sát nhân dân", "Bộ Chỉ huy Quân sự",
		"Thủ trưởng", "Hiệu trưởng", "Trưởng", "Phó", "Chánh", "Thanh tra", "Đại hội", "Đại hội đại biểu",
		"lần thứ", "nhiệm kỳ", "khóa",
	}
	var entries []string
	for _, w := range words {
		properCase[strings.ToLower(w)] = w
		entries = append(entries, w)
	}
	properDict = newDict(entries...)
}

var localityWords = newDict("tỉnh", "thành phố", "tp", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu", "khu vực")

var acronyms = map[string]bool{
	"tp": true, "ubnd": true, "hđnd": true, "mttq": true, "tw": true, "cp": true, "ttg": true,
	"vn": true, "đbqh": true, "tư": false, "ii": true, "iii": true, "iv": true, "vi": true, "vii": true,
	"viii": true, "ix": true, "xi": true, "xii": true, "xiii": true, "xiv": true, "xv": true, "x": true,
	"i": true, "v": true, "tnhh": true, "qđnd": true, "bchqs": true, "ubkt": true, "pct": true,
	"ctđ": true, "hcm": true,
}

func prettyName(s string) string {
	s = collapse(s)
	if s == "" || !isUpperLine(s) {
		return s
	}
	toks := tokenize(s)
	var out []string
	capNext := true // next plain word starts a component
	place := false  // inside a place name after a locality word
	for k := 0; k < len(toks); {
		t := toks[k]
		if t.punct {
			out = append(out, t.s)
			if t.s == "-" || t.s == "," || t.s == "(" {
				capNext = true
			}
			k++
			continue
		}
		if n := localityWords.match(toks, k); n > 0 && !(k+n < len(toks) && (toks[k+n].low == "ủy" || toks[k+n].low == "hội")) {
			for x := k; x < k+n; x++ {
				w := toks[x].low
				if acronyms[w] {
					w = toks[x].s
				}
				out = append(out, w)
			}
			k += n
			place = true
			continue
		}
		if acronyms[t.low] || !hasVowel(t.low) {
			out = append(out, t.s)
			k++
			capNext = true
			continue
		}
		if n := properDict.match(toks, k); n > 0 && !place && (n > 1 || capNext) {
			var ws []string
			for x := k; x < k+n; x++ {
				ws = append(ws, toks[x].low)
			}
			key := strings.Join(ws, " ")
			out = append(out, properCase[key])
			k += n
			capNext = true
			// a territorial committee is followed by its place name
			switch key {
			case "quận ủy", "tỉnh ủy", "huyện ủy", "thành ủy", "thị ủy":
				place = true
			}
			continue
		}
		switch {
		case place:
			out = append(out, titleWord(t.low))
		case t.low == "và" || t.low == "của" || t.low == "các":
			out = append(out, t.low)
			capNext = true
			k++
			continue
		case capNext:
			out = append(out, titleWord(t.low))
		default:
			out = append(out, t.low)
		}
		capNext = false
		k++
	}
	res := joinWords(out)
	return upperFirst(res)
}

func joinWords(ws []string) string {
	var sb strings.Builder
	for k, w := range ws {
		if k > 0 && w != "," && w != ";" && w != ")" && w != ":" && w != "." && ws[k-1] != "(" {
			sb.WriteByte(' ')
		}
		sb.WriteString(w)
	}
	return sb.String()
}

func titleWord(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return titleWord(s)
}

func hasVowel(w string) bool {
	for _, r := range w {
		if strings.ContainsRune("aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ", r) {
			return true
		}
	}
	return false
}

package docparse

import (
	"strings"
)

// Organisation names follow a grammar: an optional head title (Giám đốc,
// Thủ trưởng…, dropped), an optional quantifier ("các"), a head noun from
// the dictionaries below ("Ủy ban nhân dân", "Sở", "Ban Dân vận"…), then a
// tail of capitalised name words ("Khoa học và Công nghệ"), the second
// syllables of those words ("Nội vụ"), and locality/level qualifiers
// ("tỉnh", "quận", "các cấp", "khu vực XI", "trực thuộc Quận ủy"). The name
// ends at the first word that cannot continue it — in a directive, that is
// the verb of the duty ("chủ trì", "tổ chức", "tăng cường").

// strongHeads are names that stand alone (no name tail needed), in any case.
var strongHeads = newDict(
	"ủy ban nhân dân", "hội đồng nhân dân", "ubnd", "hđnd",
	"mặt trận tổ quốc việt nam", "mặt trận tổ quốc", "ủy ban mặt trận tổ quốc việt nam",
	"ủy ban mặt trận tổ quốc", "ủy ban mttq", "ủy ban mttq việt nam", "mttq", "ubmttq",
	"ban thường trực ủy ban mặt trận tổ quốc việt nam", "ban thường trực ủy ban mttq",
	"tỉnh ủy", "thành ủy", "quận ủy", "huyện ủy", "thị ủy", "đảng ủy", "chi ủy",
	"ban chấp hành trung ương", "ban chấp hành trung ương đảng", "ban chấp hành",
	"bộ chính trị", "ban bí thư", "ban bí thư trung ương đảng", "ban thường vụ", "thường trực",
	"ban thường trực", "thường vụ", "đảng đoàn", "ban cán sự đảng",
	"chính phủ", "thủ tướng chính phủ", "thủ tướng", "phó thủ tướng", "quốc hội",
	"ủy ban thường vụ quốc hội", "chủ tịch nước", "văn phòng chính phủ",
	"tòa án nhân dân", "viện kiểm sát nhân dân", "kho bạc nhà nước", "ngân hàng nhà nước",
	"kiểm toán nhà nước", "bảo hiểm xã hội", "bộ chỉ huy quân sự", "bộ chỉ huy bộ đội biên phòng",
	"bộ đội biên phòng", "trung tâm chính trị", "trường chính trị",
	"ban xây dựng đảng", "ban tổ chức", "ban tuyên giáo", "ban tuyên giáo và dân vận",
	"ban dân vận", "ban nội chính", "ban kinh tế", "ban chỉ đạo", "ban quản lý", "ủy ban kiểm tra",
	"tổ chức chính trị - xã hội", "tổ chức chính trị xã hội", "tổ chức - chính trị xã hội",
	"tổ chức chính trị-xã hội", "tổ chức chính trị - xã hội - nghề nghiệp",
	"hội chữ thập đỏ", "hội nông dân", "hội liên hiệp phụ nữ", "hội cựu chiến binh",
	"liên đoàn lao động", "đoàn thanh niên", "đoàn thanh niên cộng sản hồ chí minh",
	"tỉnh đoàn", "thành đoàn", "huyện đoàn", "quận đoàn", "công đoàn",
	"đoàn đại biểu quốc hội", "hội quần chúng", "hội đặc thù",
	"chi , đảng bộ", "chi bộ , đảng bộ", "chi bộ", "đảng bộ", "đảng bộ cơ sở", "chi bộ cơ sở",
	"công an", "ban ngành", "ban , ngành", "sở , ban , ngành", "sở , ngành",
	"cấp ủy", "cấp ủy đảng", "tổ chức đảng", "tổ chức cơ sở đảng", "chính quyền", "đoàn thể chính trị - xã hội",
)

// weakHeads need a capitalised name, a qualifier or a preceding "các" to be
// a name ("Sở Nội vụ", "Thuế tỉnh", "các Sở"); otherwise they are ordinary
// words ("Trường hợp", "Báo cáo", "Hội nghị").
var weakHeads = newDict(
	"bộ", "sở", "ban", "phòng", "cục", "tổng cục", "vụ", "chi cục", "văn phòng", "thanh tra",
	"thuế", "hải quan", "viện", "học viện", "trường", "trung tâm", "bệnh viện", "đài", "báo",
	"hội", "liên hiệp", "đoàn", "ủy ban", "hội đồng", "cơ quan", "đơn vị", "địa phương", "ngành",
	"tổ chức", "đoàn thể", "doanh nghiệp", "tập đoàn", "tổng công ty", "công ty", "quân khu",
	"bộ tư lệnh", "cảnh sát", "đại học", "xã", "phường", "huyện", "quận", "tỉnh", "thành phố",
	"thị xã", "thị trấn", "tổ", "nhóm", "chi", "cơ quan ngang bộ", "đảng", "trung ương",
	"ban đại diện", "hiệp hội", "liên minh",
)

// genericHeads are the lower-case category words that may extend a list
// item ("Các sở, ban, ngành", "UBND các xã, phường") and that, alone,
// make a catch-all ("các cơ quan, đơn vị có liên quan").
var genericWords = map[string]bool{
	"cơ": true, "quan": true, "đơn": true, "vị": true, "địa": true, "phương": true, "tổ": true,
	"chức": true, "cá": true, "nhân": true, "ngành": true, "cấp": true, "năng": true, "trực": true,
	"thuộc": true, "liên": true, "có": true, "các": true, "những": true, "và": true, "khác": true,
	"thể": true, "đoàn": true, "sở": true, "ban": true, "phòng": true, "xã": true, "phường": true,
	"huyện": true, "quận": true, "thị": true, "trấn": true, "doanh": true, "nghiệp": true,
	"chi": true, ",": true, "hội": true, "nhà": true, "trường": true,
	"học": true, "tỉnh": true, "thành": true, "phố": true, "trung": true, "ương": true,
}

// catchAllWords: a name made only of these (no qualifier) is a catch-all.
var catchAllWords = map[string]bool{
	"cơ": true, "quan": true, "đơn": true, "vị": true, "địa": true, "phương": true, "tổ": true,
	"chức": true, "cá": true, "nhân": true, "ngành": true, "cấp": true, "năng": true, "trực": true,
	"thuộc": true, "liên": true, "có": true, "các": true, "những": true, "và": true, "khác": true,
	",": true, "chuyên": true, "môn": true, "ban": true, "đoàn": true, "thể": true,
}

// qualifiers are locality and level words that end many names.
var qualifiers = newDict(
	"tỉnh", "thành phố", "tp", "tp.", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu",
	"các cấp", "cấp tỉnh", "cấp huyện", "cấp xã", "cấp quận", "cấp cơ sở", "cấp trên", "cùng cấp",
	"trung ương", "tw", "địa phương", "cơ sở", "khu vực", "các xã", "các phường", "các huyện",
	"các quận", "các thị xã", "các thành phố", "các tỉnh", "các xã , phường", "các xã, phường",
	"các phường , xã", "các huyện , thị xã , thành phố", "trực thuộc", "thuộc", "có liên quan",
	"liên quan", "các địa phương", "toàn quốc",
)

// nameWords are lower-case words that occur inside names after their head.
var nameWords = newDict(
	"nhân dân", "nhà nước", "chính trị - xã hội", "chính trị", "xã hội", "chữ thập đỏ", "cựu chiến binh", "đại biểu",
	"quốc hội", "xây dựng đảng", "dân vận",
	"tuyên giáo", "nội chính", "chấp hành", "quân sự", "biên phòng", "phụ nữ",
	"nông dân", "thanh niên", "lao động", "cộng sản", "mặt trận", "tổ quốc", "kiểm sát",
	"nhân dân tối cao", "cơ yếu", "an ninh", "chính sách", "văn thư", "lưu trữ", "nội bộ", "kinh tế", "văn hóa",
)

// thirdSyllable: word pairs that end three-syllable words of names.
var thirdSyllable = map[string]bool{"thập đỏ": true, "chiến binh": true, "đại biểu": true, "tối cao": true}

// verbStarts are words (or word pairs) that begin a predicate; a lower-case
// second syllable never continues a name if it starts one of these
// ("UBND Quận chỉ đạo…").
var verbStarts = newDict(
	"chỉ đạo", "chủ trì", "chủ động", "phối hợp", "tổ chức", "thực hiện", "tham mưu", "triển khai",
	"xây dựng", "tăng cường", "theo dõi", "hướng dẫn", "kiểm tra", "rà soát", "báo cáo", "tiếp tục",
	"tích cực", "khẩn trương", "nghiên cứu", "đề xuất", "đề nghị", "chịu trách nhiệm", "quán triệt",
	"tuyên truyền", "đẩy mạnh", "nâng cao", "bố trí", "phát huy", "ban hành", "giám sát", "đôn đốc",
	"có", "là", "được", "phải", "cần", "sẽ", "đã", "đang", "với", "của", "để", "theo", "tại", "trong",
	"về", "cho", "thì", "khi", "nếu", "vẫn", "chưa", "không", "cùng", "và", "hoặc", "làm", "đảm",
	"bảo đảm", "tiến hành", "thường xuyên", "kịp thời", "trình", "gửi", "giao", "căn cứ", "tham gia",
	"quản lý", "hoàn thành", "hoàn thiện", "cụ thể", "sớm", "nhằm", "trên", "dưới", "do", "bằng",
	"củng cố", "kiện toàn", "phát triển", "thống nhất", "lãnh đạo", "vận động", "huy động", "từ",
)

// headTitles are head-of-body titles dropped before a name ("Giám đốc các
// Sở" is the Sở).
var headTitles = newDict(
	"giám đốc", "phó giám đốc", "thủ trưởng", "chủ tịch", "phó chủ tịch", "người đứng đầu", "trưởng",
	"chánh", "bí thư", "tổng giám đốc", "cục trưởng", "vụ trưởng", "bộ trưởng", "trưởng ban",
	"lãnh đạo", "hiệu trưởng", "tổng cục trưởng", "viện trưởng", "chánh án", "bí thư cấp ủy",
	"chủ nhiệm", "trưởng phòng", "chỉ huy trưởng", "đồng chí",
)

// officeShared: bodies sharing one office, joined by "và"/"," inside a
// "Văn phòng …" name ("Văn phòng Đoàn ĐBQH và HĐND tỉnh").
var officeShared = newDict(
	"hđnd", "hội đồng nhân dân", "ubnd", "ủy ban nhân dân", "đoàn đại biểu quốc hội", "đoàn đbqh",
)

// org is one organisation name found in a token list: tokens [a, b), with
// the printed head title skipped.
type org struct {
	a, b     int // tokens of the name (title excluded)
	titleA   int // start including the dropped title
	hasQual  bool
	qualFrom int // token where the trailing qualifier starts, or -1
	text     string
}

// parseOrg reads one organisation name at toks[k:]. It returns ok=false when
// no name starts there.
func parseOrg(toks []token, k int) (org, bool) { return parseOrgDepth(toks, k, 0) }

// maxOrgTokens bounds a name; real names are far shorter, and the bound
// keeps the look-ahead at "và" linear on adversarial input.
const maxOrgTokens = 30

func parseOrgDepth(toks []token, k int, depth int) (org, bool) {
	o := org{titleA: k, qualFrom: -1}
	if k >= len(toks) || toks[k].punct {
		return o, false
	}
	// head title
	if n := headTitles.match(toks, k); n > 0 {
		q := k + n
		if q < len(toks) && (toks[q].low == "các" || toks[q].low == "những") {
			q++
		}
		if h, _ := headAt(toks, q); h > 0 {
			k += n
		}
	}
	a := k
	if toks[k].low == "các" || toks[k].low == "những" || toks[k].low == "toàn" {
		k++
	}
	quant := k > a
	n, ok := headAt(toks, k)
	if n == 0 {
		return o, false
	}
	strong := ok
	headEnd := k + n
	k = headEnd
	tailCap := false
	lastCap := false
	inCore := true // still in the head/name core, before any qualifier
	for k < len(toks) && k-a < maxOrgTokens {
		t := toks[k]
		if m := qualifiers.match(toks, k); m > 0 && !(t.low == "các" && verbStarts.match(toks, k+1) > 0) && !(k+m < len(toks) && toks[k+m].low == "ủy") &&
			!(t.capital() && !(k+m < len(toks) && toks[k+m].capital() && !toks[k+m].punct)) {
			if o.qualFrom < 0 {
				o.qualFrom = k
			}
			o.hasQual = true
			inCore = false
			k += m
			// a qualifier may be followed by its name: "tỉnh Nghệ An",
			// "khu vực XI", "trực thuộc Quận ủy"
			lastCap = false
			continue
		}
		if t.punct {
			if t.s == "-" && k+1 < len(toks) && toks[k+1].capital() && !toks[k+1].punct {
				k++
				continue
			}
			if (t.s == "," || t.s == "&") && sharedOffice(toks, a, k) {
				k++
				continue
			}
			// "Sở Văn hóa, Thể thao và Du lịch": a capitalised word after a
			// comma that starts no name of its own continues this one.
			if t.s == "," && inCore && depth < 2 && k+1 < len(toks) && toks[k+1].capital() && !toks[k+1].punct && !isDigitTok(toks[k+1]) {
				if _, ok := parseOrgDepth(toks, k+1, depth+1); !ok && headTitles.match(toks, k+1) == 0 && requestVerbs.match(toks, k+1) == 0 && adverbialCues.match(toks, k+1) == 0 && toks[k+1].low != "các" {
					k++
					continue
				}
			}
			break
		}
		if t.capital() {
			tailCap = true
			lastCap = true
			k++
			continue
		}
		if t.low == "và" || t.low == "&" {
			if sharedOffice(toks, a, k) {
				k++
				continue
			}
			if k+1 < len(toks) && toks[k+1].capital() && !toks[k+1].punct && depth < 2 {
				// "Khoa học và Công nghệ" continues the name; "và UBND
				// tỉnh" starts another one.
				if _, ok := parseOrgDepth(toks, k+1, depth+1); !ok {
					k++
					continue
				}
			}
			break
		}
		if m := nameWords.match(toks, k); m > 0 && inCore {
			k += m
			lastCap = false
			continue
		}
		if lastCap && verbStarts.match(toks, k) == 0 {
			// second syllable of a capitalised word: "Nội vụ", "Dân vận"
			lastCap = false
			k++
			continue
		}
		if k > 0 && thirdSyllable[toks[k-1].low+" "+t.low] {
			// "Chữ thập đỏ", "Cựu chiến binh"
			k++
			continue
		}
		break
	}
	if !strong && !quant && !tailCap && !o.hasQual {
		return o, false
	}
	o.a, o.b = a, k
	return o, true
}

// headAt matches a head at toks[k:], returning its length and whether it is
// strong.
func headAt(toks []token, k int) (int, bool) {
	if k >= len(toks) || toks[k].punct {
		return 0, false
	}
	if n := strongHeads.match(toks, k); n > 0 {
		return n, true
	}
	if verbStarts.match(toks, k) > 0 {
		return 0, false
	}
	if n := weakHeads.match(toks, k); n > 0 {
		return n, false
	}
	return 0, false
}

// sharedOffice reports whether the separator at toks[k] joins two bodies
// of one shared office ("Văn phòng Đoàn ĐBQH và HĐND tỉnh").
func sharedOffice(toks []token, a, k int) bool {
	if !isOffice(toks, a) || officeShared.match(toks, k+1) == 0 {
		return false
	}
	for s := a; s < k; s++ {
		if n := officeShared.match(toks, s); n > 0 && s+n == k {
			return true
		}
	}
	return false
}

func isOffice(toks []token, a int) bool {
	for k := a; k < len(toks) && k < a+3; k++ {
		if toks[k].low == "văn" && k+1 < len(toks) && toks[k+1].low == "phòng" {
			return true
		}
	}
	return false
}

// isRelatedOnly reports whether a name is defined only by being related
// ("các cơ quan, đơn vị có liên quan"): left out even as a subject, where
// a generic group ("các sở, ban, ngành") is kept as the addressees.
func isRelatedOnly(toks []token, o org) bool {
	for k := o.a; k+1 < o.b; k++ {
		if toks[k].low == "liên" && toks[k+1].low == "quan" {
			return isCatchAll(toks, o)
		}
	}
	return false
}

// isCatchAll reports whether the name is a catch-all partner ("các cơ quan,
// đơn vị có liên quan", "các địa phương") that the corpus rules leave out.
func isCatchAll(toks []token, o org) bool {
	hasRelated := false
	for k := o.a; k < o.b; k++ {
		if toks[k].low == "liên" && k+1 < o.b && toks[k+1].low == "quan" {
			hasRelated = true
		}
	}
	if hasRelated {
		return true
	}
	for k := o.a; k < o.b; k++ {
		if !catchAllWords[toks[k].low] {
			return false
		}
	}
	return true
}

// isBareGeneric reports whether toks[k:] starts a lower-case category piece
// that extends the previous list item ("…, phường", "…, cơ quan cấp
// tỉnh"), returning its end.
func bareGeneric(toks []token, k int) (int, bool) {
	start := k
	if strongHeads.match(toks, k) > 0 {
		return 0, false // "…, thị ủy" is a name of its own
	}
	for k < len(toks) {
		t := toks[k]
		if t.punct || t.capital() {
			break
		}
		if t.low == "các" || t.low == "những" {
			if k == start {
				return 0, false
			}
			// "cơ quan cấp tỉnh, các xã" – a qualifier
		}
		if m := qualifiers.match(toks, k); m > 0 && k > start {
			k += m
			for k < len(toks) && toks[k].capital() && !toks[k].punct {
				k++
			}
			continue
		}
		if !genericWords[t.low] || k > start && verbStarts.match(toks, k) > 0 && qualifiers.match(toks, k) == 0 {
			break
		}
		k++
	}
	if k == start {
		return 0, false
	}
	return k, true
}

// nameRun returns the end of a bare proper name at toks[k:] ("Nông nghiệp
// và Môi trường", "Công Thương"): capitalised words, their second
// syllables, and "và"/"-" before another capitalised word.
func nameRun(toks []token, k int) int {
	e := k
	lastCap := false
	for e < len(toks) && e-k < maxOrgTokens {
		t := toks[e]
		switch {
		case t.punct && t.s == "-" && e+1 < len(toks) && toks[e+1].capital():
			lastCap = false
		case t.punct:
			return e
		case t.capital():
			lastCap = true
		case t.low == "và" && e+1 < len(toks) && toks[e+1].capital() && !toks[e+1].punct:
			if _, ok := parseOrgDepth(toks, e+1, 1); ok {
				return e
			}
			lastCap = false
		case lastCap && verbStarts.match(toks, e) == 0:
			lastCap = false
		default:
			return e
		}
		e++
	}
	return e
}

// orgList reads a list of names at toks[k:] separated by ",", ";", "và",
// "cùng", returning the names and the index after the list.
func orgList(toks []token, k int) ([]org, int) {
	var out []org
	for {
		o, ok := parseOrg(toks, k)
		if !ok {
			break
		}
		k = o.b
		// "các Bộ: Công an, Quốc phòng" → Bộ Công an, Bộ Quốc phòng
		if k+1 < len(toks) && toks[k].s == ":" && o.b-o.a == 2 && toks[o.a].low == "các" {
			k++
			for k < len(toks) && toks[k].capital() && !toks[k].punct {
				e := nameRun(toks, k)
				out = append(out, org{a: k, b: e, titleA: k, qualFrom: -1, text: toks[o.a+1].s + " " + joinToks(toks, k, e)})
				k = e
				if k < len(toks) && (toks[k].s == "," || toks[k].low == "và") {
					k++
					continue
				}
				break
			}
			continue
		}
		out = append(out, o)
		// extend with bare generic pieces: "UBND các xã, phường"
		for k+1 < len(toks) && toks[k].s == "," {
			e, ok := bareGeneric(toks, k+1)
			if !ok {
				break
			}
			out[len(out)-1].b = e
			k = e
		}
		if k >= len(toks) {
			break
		}
		sep := toks[k]
		next := k + 1
		switch {
		case sep.s == "," || sep.s == ";":
			if next < len(toks) && (toks[next].low == "và" || toks[next].low == "cùng") {
				next++
			}
		case sep.low == "và" || sep.low == "cùng" || sep.low == "với":
			if sep.low == "với" {
				return out, k
			}
		default:
			return out, k
		}
		if _, ok := parseOrg(toks, next); !ok {
			return out, k
		}
		k = next
	}
	return out, k
}

func isDigitTok(t token) bool { return t.s != "" && t.s[0] >= '0' && t.s[0] <= '9' }

func joinToks(toks []token, a, b int) string {
	var sb strings.Builder
	for k := a; k < b; k++ {
		t := toks[k]
		if k > a && !(t.punct && (t.s == "," || t.s == ";" || t.s == ")" || t.s == ":" || t.s == ".")) && toks[k-1].s != "(" {
			sb.WriteByte(' ')
		}
		sb.WriteString(t.s)
	}
	return sb.String()
}

// levelHeads are bodies that exist at every level, so a shared locality
// qualifier printed once at the end of a list applies to them too.
var levelHeads = newDict(
	"ủy ban nhân dân", "hội đồng nhân dân", "ubnd", "hđnd", "mặt trận tổ quốc việt nam",
	"mặt trận tổ quốc", "ủy ban mặt trận tổ quốc việt nam", "ủy ban mttq", "mttq", "công an",
	"tòa án nhân dân", "viện kiểm sát nhân dân",
)

// orgNames renders the names of a list, dropping the head titles and
// distributing a shared trailing qualifier ("Hội đồng nhân dân, Ủy ban nhân
// dân quận" → both "… quận").
func orgNames(toks []token, os []org) []string {
	names := make([]string, len(os))
	var shared string
	if len(os) > 1 {
		last := os[len(os)-1]
		if last.qualFrom >= 0 {
			q := toks[last.qualFrom]
			if q.low != "có" && q.low != "liên" && q.low != "trực" && q.low != "thuộc" && q.low != "nhân" && q.low != "nhà" && q.low != "chính" && q.low != "xây" {
				shared = joinToks(toks, last.qualFrom, last.b)
			}
		}
	}
	for x, o := range os {
		n := o.text
		if n == "" {
			n = joinToks(toks, o.a, o.b)
		}
		if shared != "" && x < len(os)-1 && o.qualFrom < 0 && levelHeads.match(toks, o.a) == o.b-o.a {
			n += " " + shared
		}
		names[x] = fixOrgName(n)
	}
	return names
}

// fixOrgName repairs a common misprint of the term "chính trị - xã hội".
func fixOrgName(n string) string {
	for _, bad := range []string{"tổ chức - chính trị xã hội", "tổ chức chính trị xã hội", "tổ chức chính trị-xã hội"} {
		if i := strings.Index(strings.ToLower(n), bad); i >= 0 {
			n = n[:i] + "tổ chức chính trị - xã hội" + n[i+len(bad):]
		}
	}
	return n
}

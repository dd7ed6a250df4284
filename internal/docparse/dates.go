package docparse

import (
	"regexp"
	"strings"
	"time"
)

// Dates are written "ngày 06 tháng 3 năm 2023" (date lines, formal text),
// "06/02/2023", "ngày 14/11/2022", older "ngày 7-9-1987", and split over a
// line break. Web-page stamps ("Chủ nhật - 04/12/2022 22:01") are neither a
// date line nor preceded by "ngày", so they are not taken for the date.
var (
	reDateWords = regexp.MustCompile(`(?i:ngày)\s*(\d{1,2})\s*(?i:tháng)\s*(\d{1,2})\s*,?\s*(?i:năm)\s*(\d{4})`)
	reDateNum   = regexp.MustCompile(`(?:^|[^\d/.-])(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?([/.-])\s?(\d{4})(?:[^\d/-]|$)`)
	// Date line: "<Địa danh>, ngày DD tháng MM năm YYYY" (or numeric).
	reDateLine = regexp.MustCompile(`(\p{Lu}[\p{L}\d.' -]{0,40}?)\s*,\s*(?i:ngày)\s*(\d{1,2})\s*(?:(?i:tháng)\s*(\d{1,2})\s*,?\s*(?i:năm)\s*(\d{4})|([/.-])\s*(\d{1,2})\s*[/.-]\s*(\d{4}))`)
)

// mkDate builds a calendar date, refusing impossible ones (31/2).
func mkDate(d, m, y int) (time.Time, bool) {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// lastOfMonth is the last day of month m of year y.
func lastOfMonth(y, m int) time.Time {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC)
}

// dateAt is a date found in a string: [i, j) is the date expression.
type dateAt struct {
	t    time.Time
	i, j int
}

// firstDate finds the first full date in s, in words or numbers.
func firstDate(s string) (dateAt, bool) {
	best := dateAt{i: -1}
	if m := reDateWords.FindStringSubmatchIndex(s); m != nil {
		if t, ok := mkDate(atoiSafe(s[m[2]:m[3]]), atoiSafe(s[m[4]:m[5]]), atoiSafe(s[m[6]:m[7]])); ok {
			best = dateAt{t, m[0], m[1]}
		}
	}
	for _, m := range reDateNum.FindAllStringSubmatchIndex(s, 4) {
		if best.i >= 0 && m[2] > best.i {
			break
		}
		if s[m[4]:m[5]] != s[m[8]:m[9]] {
			continue // "1/2-2023" is not a date
		}
		if t, ok := mkDate(atoiSafe(s[m[2]:m[3]]), atoiSafe(s[m[6]:m[7]]), atoiSafe(s[m[10]:m[11]])); ok {
			st := m[2]
			// include a preceding "ngày"
			if p := strings.LastIndex(s[:st], "ngày"); p >= 0 && strings.TrimSpace(s[p+len("ngày"):st]) == "" {
				st = p
			}
			best = dateAt{t, st, m[11]}
			break
		}
	}
	return best, best.i >= 0
}

// dateLine finds "Place, ngày …" in s.
type dateLineMatch struct {
	place  string
	pi, pj int
	t      time.Time
	di, dj int
}

func findDateLine(full string) (dateLineMatch, bool) {
	// Only run the pattern near a comma followed by "ngày".
	for p := 0; p < len(full); {
		q := indexNgay(full[p:])
		if q < 0 {
			return dateLineMatch{}, false
		}
		q += p
		c := q - 1
		for c >= 0 && (full[c] == ' ' || full[c] == '\n') {
			c--
		}
		if c >= 0 && full[c] == ',' {
			i := runeStart(full, max(0, c-60))
			j := runeStart(full, min(len(full), q+50))
			if dl, ok := dateLineIn(full[i:j]); ok {
				dl.pi += i
				dl.pj += i
				dl.di += i
				dl.dj += i
				return dl, true
			}
		}
		p = q + len("ngày")
	}
	return dateLineMatch{}, false
}

// indexNgay finds "ngày" in any case.
func indexNgay(s string) int {
	best := -1
	for _, w := range []string{"ngày", "Ngày", "NGÀY"} {
		if i := strings.Index(s, w); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

func dateLineIn(s string) (dateLineMatch, bool) {
	for _, m := range reDateLine.FindAllStringSubmatchIndex(s, 8) {
		var d, mo, y int
		d = atoiSafe(s[m[4]:m[5]])
		if m[6] >= 0 {
			mo, y = atoiSafe(s[m[6]:m[7]]), atoiSafe(s[m[8]:m[9]])
		} else {
			mo, y = atoiSafe(s[m[12]:m[13]]), atoiSafe(s[m[14]:m[15]])
		}
		t, ok := mkDate(d, mo, y)
		if !ok {
			continue
		}
		pi, pj := trimRange(s, m[2], m[3], " .-'")
		pi = cutPlace(s, pi, pj)
		place := s[pi:pj]
		if strings.ContainsAny(place, "\n") || runeLen(place) < 2 {
			continue
		}
		low := strings.ToLower(place)
		// A sentence ("Ngày 14/11/2022, Ban Bí thư …") is not a date line;
		// the place is a short proper name.
		if strings.HasPrefix(low, "ngày") || strings.Contains(low, " của ") || !startsUpper(place) {
			continue
		}
		// the date must end its line (allowing closing debris)
		rest := s[m[1]:]
		if len(rest) > 0 && rest[0] >= '0' && rest[0] <= '9' {
			continue
		}
		if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
			rest = rest[:nl]
		}
		if len(strings.TrimSpace(strings.Trim(rest, " .*_)|"))) > 0 {
			continue
		}
		di := m[3] + strings.Index(strings.ToLower(s[m[3]:m[4]]), "ngày")
		return dateLineMatch{place: place, pi: pi, pj: pj, t: t, di: di, dj: m[1]}, true
	}
	return dateLineMatch{}, false
}

// cutPlace drops what precedes the place name on the same line when text
// extraction merged it with other header parts ("Số: 12/KH-UBND Hà Nội"):
// the place starts after the last word holding a digit, a dash or a slash,
// or after an all-capital word followed by mixed-case ones.
func cutPlace(s string, i, j int) int {
	ws := strings.Fields(s[i:j])
	cut := 0
	for k, w := range ws {
		if strings.ContainsAny(w, "0123456789-/:") {
			cut = k + 1
		}
	}
	for k := cut; k+1 < len(ws); k++ {
		if isUpperLine(ws[k]) && !isUpperLine(strings.Join(ws[k+1:], " ")) && len(ws[k]) > 3 {
			cut = k + 1
		}
	}
	if cut == 0 || cut >= len(ws) {
		return i
	}
	// find byte offset of word cut
	p := i
	for k := 0; k < cut; k++ {
		q := strings.Index(s[p:j], ws[k])
		p += q + len(ws[k])
	}
	for p < j && s[p] == ' ' {
		p++
	}
	return p
}

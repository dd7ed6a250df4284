package textfold

import "testing"

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Hội Chữ thập đỏ quận":         "hoi chu thap do quan",
		"HỘI CHỮ THẬP ĐỎ  QUẬN,":       "hoi chu thap do quan",
		"Ðảng bộ":                      "dang bo",
		"Ủy ban nhân dân - TP. Hà Nội": "uy ban nhan dan tp ha noi",
		"  ":                           "",
		"1416-CV/QU":                   "1416 cv qu",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

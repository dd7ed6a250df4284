package auth

import (
	"fmt"
	"strings"
	"testing"
)

const testPassword = "correct horse battery"

// A hash verifies its own password and no other, and is a PHC string that
// carries its parameters.
func TestPasswordRoundTrip(t *testing.T) {
	h, err := HashPassword(testPassword)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("$argon2id$v=19$m=%d,t=%d,p=%d$", argonMemory, argonTime, argonThreads)
	if !strings.HasPrefix(h, want) {
		t.Fatalf("hash %q does not start with %q", h, want)
	}
	if strings.Contains(h, testPassword) {
		t.Fatal("the hash contains the password")
	}
	if !CheckPassword(h, testPassword) {
		t.Fatal("the right password is refused")
	}
	for _, wrong := range []string{
		"",
		"correct horse batter",
		"correct horse battery ",
		"Correct horse battery",
		testPassword + testPassword,
	} {
		if CheckPassword(h, wrong) {
			t.Errorf("wrong password %q accepted", wrong)
		}
	}
	// Every byte counts, including non-ASCII ones.
	vn, err := HashPassword("mật khẩu rất dài")
	if err != nil {
		t.Fatal(err)
	}
	if !CheckPassword(vn, "mật khẩu rất dài") || CheckPassword(vn, "mat khau rat dai") {
		t.Fatal("non-ASCII password not checked byte for byte")
	}
}

// Passwords shorter than MinPasswordLen or longer than 1024 bytes are
// refused before hashing.
func TestPasswordLength(t *testing.T) {
	for _, p := range []string{"", "short", strings.Repeat("x", MinPasswordLen-1), strings.Repeat("x", 1025)} {
		if h, err := HashPassword(p); err == nil {
			t.Errorf("password of %d bytes accepted: %q", len(p), h)
		}
	}
	for _, p := range []string{strings.Repeat("x", MinPasswordLen), strings.Repeat("x", 1024)} {
		h, err := HashPassword(p)
		if err != nil {
			t.Errorf("password of %d bytes refused: %v", len(p), err)
			continue
		}
		if !CheckPassword(h, p) {
			t.Errorf("password of %d bytes does not verify", len(p))
		}
	}
}

// Two hashes of the same password differ (random salt), and both verify.
func TestPasswordSalt(t *testing.T) {
	seen := map[string]bool{}
	salts := map[string]bool{}
	for range 3 {
		h, err := HashPassword(testPassword)
		if err != nil {
			t.Fatal(err)
		}
		if seen[h] {
			t.Fatal("the same password hashed twice to the same string: no salt")
		}
		seen[h] = true
		salts[strings.Split(h, "$")[4]] = true
		if !CheckPassword(h, testPassword) {
			t.Fatal("salted hash does not verify")
		}
	}
	if len(salts) != 3 {
		t.Fatalf("salts repeat: %v", salts)
	}
}

// A hash that was changed, truncated, corrupted or is of another kind never
// verifies, and never crashes the caller: stored hashes come from the
// database, and a login must fail cleanly, not panic, when one is bad.
func TestPasswordTamperedHash(t *testing.T) {
	h, err := HashPassword(testPassword)
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(h, "$") // "", argon2id, v=19, m=…,t=…,p=…, salt, key
	other, err := HashPassword("another password")
	if err != nil {
		t.Fatal(err)
	}
	otherParts := strings.Split(other, "$")
	with := func(i int, s string) string {
		p := append([]string(nil), parts...)
		p[i] = s
		return strings.Join(p, "$")
	}
	flip := func(s string) string {
		b := []byte(s)
		if b[len(b)/2] == 'A' {
			b[len(b)/2] = 'B'
		} else {
			b[len(b)/2] = 'A'
		}
		return string(b)
	}
	cases := map[string]string{
		"empty":           "",
		"not PHC":         "plaintext",
		"plain password":  testPassword,
		"argon2i":         with(1, "argon2i"),
		"bcrypt-like":     "$2a$10$abcdefghijklmnopqrstuuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01",
		"missing key":     strings.Join(parts[:5], "$"),
		"extra part":      h + "$x",
		"key changed":     with(5, flip(parts[5])),
		"salt changed":    with(4, flip(parts[4])),
		"other salt":      with(4, otherParts[4]),
		"other key":       with(5, otherParts[5]),
		"key truncated":   with(5, parts[5][:len(parts[5])-4]),
		"key not base64":  with(5, "!!!!"),
		"salt not base64": with(4, "!!!!"),
		"params garbled":  with(3, "m=x,t=y,p=z"),
		"memory changed":  with(3, fmt.Sprintf("m=%d,t=%d,p=%d", argonMemory/2, argonTime, argonThreads)),
		"passes changed":  with(3, fmt.Sprintf("m=%d,t=%d,p=%d", argonMemory, argonTime+1, argonThreads)),
		"empty key":       with(5, ""),
		"empty salt":      with(4, ""),
		"zero passes":     with(3, fmt.Sprintf("m=%d,t=0,p=%d", argonMemory, argonThreads)),
		"zero lanes":      with(3, fmt.Sprintf("m=%d,t=%d,p=0", argonMemory, argonTime)),
		"zero memory":     with(3, fmt.Sprintf("m=0,t=%d,p=%d", argonTime, argonThreads)),
	}
	for name, bad := range cases {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("CheckPassword panicked on hash %q: %v", bad, p)
				}
			}()
			if CheckPassword(bad, testPassword) {
				t.Fatalf("tampered hash %q accepted the password", bad)
			}
		})
	}
	if !CheckPassword(h, testPassword) {
		t.Fatal("the untouched hash stopped verifying")
	}
}

// The hash checked for unknown accounts is a real one, so a login with an
// unknown email costs as much as one with a wrong password.
func TestPasswordDummyHash(t *testing.T) {
	if !strings.HasPrefix(dummyHash, "$argon2id$") || CheckPassword(dummyHash, testPassword) {
		t.Fatalf("dummy hash %q", dummyHash)
	}
}

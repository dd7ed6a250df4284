package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"strings"
)

// Token prefixes tell credentials apart at a glance (and for secret
// scanners): chd_ API tokens, chde_ embed tokens, session cookies none.
const (
	apiPrefix   = "chd_"
	embedPrefix = "chde_"
)

var b32 = base32.StdEncoding.WithPadding(base32.NoPadding)

// newSecret returns a random credential with 256 bits of entropy.
func newSecret(prefix string) string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic("crypto/rand failed: " + err.Error())
	}
	return prefix + strings.ToLower(b32.EncodeToString(b))
}

// hashSecret is how credentials are stored: random 256-bit secrets need no
// slow hash, only one that cannot be reversed.
func hashSecret(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// displayPrefix is the part of a token shown in lists.
func displayPrefix(token string) string {
	if len(token) > 12 {
		return token[:12]
	}
	return token
}

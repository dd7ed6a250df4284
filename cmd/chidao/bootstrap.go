package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/chidao/chidao/internal/auth"
	"github.com/chidao/chidao/internal/store"
	"github.com/chidao/chidao/internal/viewer"
)

// Environment variables of the first administrator. They are read here and
// not in internal/config because they matter once, on a database without
// accounts, and the password must never reach the printed configuration.
const (
	envAdminEmail    = "CHIDAO_ADMIN_EMAIL"
	envAdminPassword = "CHIDAO_ADMIN_PASSWORD"
)

// adminFromEnv returns the first administrator's email and password from
// the environment, checked, so that a bad value stops the start at once
// rather than on the first empty database.
func adminFromEnv() (email, password string, err error) {
	email, password = strings.TrimSpace(os.Getenv(envAdminEmail)), os.Getenv(envAdminPassword)
	if email != "" {
		if email, err = auth.NormalizeEmail(email); err != nil {
			return "", "", fmt.Errorf("%s: %w", envAdminEmail, err)
		}
	}
	if password != "" && len(password) < auth.MinPasswordLen {
		return "", "", fmt.Errorf("%s is too short: an administrator's password needs at least %d characters", envAdminPassword, auth.MinPasswordLen)
	}
	return email, password, nil
}

// bootstrap creates the first administrator when the database has no
// account: from CHIDAO_ADMIN_EMAIL and CHIDAO_ADMIN_PASSWORD when set,
// else admin@localhost with a random one-time password, printed once to
// stderr and to be changed at first sign-in. A password from the
// environment is never printed.
func (a *app) bootstrap(ctx context.Context, db *store.DB, log *slog.Logger, stderr io.Writer) error {
	email, password, err := adminFromEnv()
	if err != nil {
		return err
	}
	ctx = viewer.NewContext(ctx, viewer.System())
	u, oneTime, err := auth.New(db.Client, a.cfg.Server.Auth).Bootstrap(ctx, email, password)
	if err != nil {
		return err
	}
	if u == nil {
		return nil
	}
	if oneTime == "" {
		log.Info("first administrator created", "email", u.Email, "password", "from "+envAdminPassword)
		return nil
	}
	log.Info("first administrator created", "email", u.Email, "password", "one-time, printed below")
	printOneTimePassword(stderr, u.Email, oneTime)
	return nil
}

// printOneTimePassword prints the one-time password in a block that stands
// out from the log lines around it, in Vietnamese and English.
func printOneTimePassword(w io.Writer, email, password string) {
	bar := strings.Repeat("=", 72)
	fmt.Fprintf(w, `
%[1]s
  TÀI KHOẢN QUẢN TRỊ ĐẦU TIÊN / FIRST ADMINISTRATOR ACCOUNT

    Email:                  %[2]s
    Mật khẩu / Password:    %[3]s

  Mật khẩu này chỉ hiện MỘT lần; hãy đổi ngay khi đăng nhập lần đầu.
  This password is shown ONCE; change it when you first sign in.
  (Đặt / Set %[4]s and %[5]s to choose them instead.)
%[1]s

`, bar, email, password, envAdminEmail, envAdminPassword)
}

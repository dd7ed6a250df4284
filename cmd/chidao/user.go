package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/chidao/chidao/ent"
	"github.com/chidao/chidao/ent/organization"
	"github.com/chidao/chidao/ent/user"
	"github.com/chidao/chidao/internal/auth"
	"github.com/chidao/chidao/internal/gid"
	"github.com/chidao/chidao/internal/status"
	"github.com/chidao/chidao/internal/store"
	"github.com/chidao/chidao/internal/viewer"
)

func newUserCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "user",
		Short: "Manage accounts: create, list, passwd, disable, enable, set (quản lý tài khoản)",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newUserCreateCmd(a), newUserListCmd(a), newUserPasswdCmd(a),
		newUserDisableCmd(a, true), newUserDisableCmd(a, false), newUserSetCmd(a))
	return cmd
}

// accountFlags are the flags of user create and user set.
type accountFlags struct {
	email, name, role, scope, clearance string
	noScope, passwordStdin              bool
}

func newUserCreateCmd(a *app) *cobra.Command {
	var f accountFlags
	cmd := &cobra.Command{
		Use:   "create --email E --role ADMIN|EDITOR|REPORTER|VIEWER [--scope ORG] [--clearance C] [--password-stdin]",
		Short: "Create an account; without --password-stdin, print a random one-time password",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.asSystem(cmd, func(ctx context.Context, db *store.DB, svc *auth.Service) error {
				email, err := auth.NormalizeEmail(f.email)
				if err != nil {
					return err
				}
				role, err := parseRole(f.role)
				if err != nil {
					return err
				}
				clearance, err := parseClearance(f.clearance)
				if err != nil {
					return err
				}
				var scope *ent.Organization
				if f.scope != "" {
					if scope, err = findOrganization(ctx, db.Client, f.scope); err != nil {
						return err
					}
				}
				if exists, err := db.Client.User.Query().Where(user.Email(email)).Exist(ctx); err != nil {
					return err
				} else if exists {
					return fmt.Errorf("an account with email %s already exists", email)
				}
				password, generated, err := newPassword(cmd.InOrStdin(), f.passwordStdin)
				if err != nil {
					return err
				}
				in := auth.UserInput{Email: email, DisplayName: f.name, Password: password, Role: role, Clearance: clearance, MustChange: generated}
				if scope != nil {
					in.ScopeID = &scope.ID
				}
				u, err := svc.CreateUser(ctx, in)
				if ent.IsConstraintError(err) {
					return fmt.Errorf("an account with email %s already exists", email)
				}
				if err != nil {
					return err
				}
				out := cmd.OutOrStdout()
				fmt.Fprintf(out, "created %s: %s, scope %s, clearance %s\n", u.Email, u.Role, scopeName(scope), u.Clearance)
				if generated {
					fmt.Fprintf(out, "one-time password (shown once; to be changed at first sign-in): %s\n", password)
				}
				return nil
			})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.email, "email", "", "the sign-in email")
	fl.StringVar(&f.role, "role", "", "ADMIN, EDITOR, REPORTER or VIEWER")
	fl.StringVar(&f.name, "name", "", "display name")
	fl.StringVar(&f.scope, "scope", "", "limit the account to this organisation's subtree: its id or exact name")
	fl.StringVar(&f.clearance, "clearance", "NONE", "highest secrecy level it may read: NONE, MAT, TOI_MAT or TUYET_MAT")
	fl.BoolVar(&f.passwordStdin, "password-stdin", false, "read the password from the first line of standard input")
	_ = cmd.MarkFlagRequired("email")
	_ = cmd.MarkFlagRequired("role")
	return cmd
}

func newUserListCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the accounts (times in Vietnam time, UTC+7)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.asSystem(cmd, func(ctx context.Context, db *store.DB, _ *auth.Service) error {
				users, err := db.Client.User.Query().WithScope().Order(user.ByEmail()).All(ctx)
				if err != nil {
					return err
				}
				w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
				fmt.Fprintln(w, "EMAIL\tROLE\tSCOPE\tCLEARANCE\tDISABLED\tLAST LOGIN")
				for _, u := range users {
					scope, disabled := "all", "no"
					if u.Edges.Scope != nil {
						scope = u.Edges.Scope.Name
					}
					if u.Disabled {
						disabled = "yes"
					}
					fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", u.Email, u.Role, scope, u.Clearance, disabled, when(u.LastLoginAt, "never"))
				}
				return w.Flush()
			})
		},
	}
}

func newUserPasswdCmd(a *app) *cobra.Command {
	var email string
	var fromStdin bool
	cmd := &cobra.Command{
		Use:   "passwd --email E [--password-stdin]",
		Short: "Set an account's password and end its sessions; without --password-stdin, print a random one-time password",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.asSystem(cmd, func(ctx context.Context, db *store.DB, svc *auth.Service) error {
				u, err := findUser(ctx, db.Client, email)
				if err != nil {
					return err
				}
				password, generated, err := newPassword(cmd.InOrStdin(), fromStdin)
				if err != nil {
					return err
				}
				if err := svc.SetPassword(ctx, u.ID, password); err != nil {
					return err
				}
				if generated {
					if err := db.Client.User.UpdateOneID(u.ID).SetMustChangePassword(true).Exec(ctx); err != nil {
						return err
					}
				}
				out := cmd.OutOrStdout()
				fmt.Fprintf(out, "password of %s changed; its sessions were ended\n", u.Email)
				if generated {
					fmt.Fprintf(out, "one-time password (shown once; to be changed at first sign-in): %s\n", password)
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&email, "email", "", "the account's email")
	cmd.Flags().BoolVar(&fromStdin, "password-stdin", false, "read the password from the first line of standard input")
	_ = cmd.MarkFlagRequired("email")
	return cmd
}

// newUserDisableCmd is user disable (disable true) or user enable.
func newUserDisableCmd(a *app, disable bool) *cobra.Command {
	var email string
	use, short := "enable", "Let a disabled account sign in and use its tokens again"
	if disable {
		use, short = "disable", "Stop an account: end its sessions and refuse its tokens, keeping its data"
	}
	cmd := &cobra.Command{
		Use:   use + " --email E",
		Short: short,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.asSystem(cmd, func(ctx context.Context, db *store.DB, svc *auth.Service) error {
				u, err := findUser(ctx, db.Client, email)
				if err != nil {
					return err
				}
				if _, err := svc.UpdateUser(ctx, u.ID, auth.UserUpdate{Disabled: &disable}); err != nil {
					return err
				}
				if disable {
					fmt.Fprintf(cmd.OutOrStdout(), "disabled %s: its sessions were ended and its tokens are refused\n", u.Email)
				} else {
					fmt.Fprintf(cmd.OutOrStdout(), "enabled %s\n", u.Email)
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&email, "email", "", "the account's email")
	_ = cmd.MarkFlagRequired("email")
	return cmd
}

func newUserSetCmd(a *app) *cobra.Command {
	var f accountFlags
	cmd := &cobra.Command{
		Use:   "set --email E [--role R] [--scope ORG | --no-scope] [--clearance C] [--name N]",
		Short: "Change an account's role, scope, clearance or display name",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fl := cmd.Flags()
			if !fl.Changed("role") && !fl.Changed("scope") && !fl.Changed("no-scope") && !fl.Changed("clearance") && !fl.Changed("name") {
				return errors.New("nothing to change: give --role, --scope, --no-scope, --clearance or --name")
			}
			return a.asSystem(cmd, func(ctx context.Context, db *store.DB, svc *auth.Service) error {
				u, err := findUser(ctx, db.Client, f.email)
				if err != nil {
					return err
				}
				var upd auth.UserUpdate
				if fl.Changed("role") {
					role, err := parseRole(f.role)
					if err != nil {
						return err
					}
					upd.Role = &role
				}
				if fl.Changed("clearance") {
					c, err := parseClearance(f.clearance)
					if err != nil {
						return err
					}
					upd.Clearance = &c
				}
				if fl.Changed("name") {
					upd.DisplayName = &f.name
				}
				switch {
				case f.noScope:
					upd.ClearScope = true
				case fl.Changed("scope"):
					org, err := findOrganization(ctx, db.Client, f.scope)
					if err != nil {
						return err
					}
					upd.ScopeID = &org.ID
				}
				if _, err := svc.UpdateUser(ctx, u.ID, upd); err != nil {
					return err
				}
				u, err = db.Client.User.Query().Where(user.ID(u.ID)).WithScope().Only(ctx)
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s: %s, scope %s, clearance %s\n", u.Email, u.Role, scopeName(u.Edges.Scope), u.Clearance)
				return nil
			})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.email, "email", "", "the account's email")
	fl.StringVar(&f.role, "role", "", "ADMIN, EDITOR, REPORTER or VIEWER")
	fl.StringVar(&f.scope, "scope", "", "limit the account to this organisation's subtree: its id or exact name")
	fl.BoolVar(&f.noScope, "no-scope", false, "remove the account's scope: it sees every organisation")
	fl.StringVar(&f.clearance, "clearance", "", "NONE, MAT, TOI_MAT or TUYET_MAT")
	fl.StringVar(&f.name, "name", "", "display name")
	_ = cmd.MarkFlagRequired("email")
	cmd.MarkFlagsMutuallyExclusive("scope", "no-scope")
	return cmd
}

// asSystem opens the database, migrating it first as serve does, and runs fn
// as the system viewer: whoever runs the CLI holds the database itself, so
// it may do everything — explicitly, as the access rules require.
func (a *app) asSystem(cmd *cobra.Command, fn func(ctx context.Context, db *store.DB, svc *auth.Service) error) error {
	db, err := a.open(cmd.Context(), a.cfg.Logger(), true)
	if err != nil {
		return err
	}
	defer func() { _ = db.Close() }()
	ctx := viewer.NewContext(cmd.Context(), viewer.System())
	return fn(ctx, db, auth.New(db.Client, a.cfg.Server.Auth))
}

// findUser returns the account with an email, or an error that says how
// to find the right one.
func findUser(ctx context.Context, c *ent.Client, email string) (*ent.User, error) {
	e, err := auth.NormalizeEmail(email)
	if err != nil {
		return nil, err
	}
	u, err := c.User.Query().Where(user.Email(e)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, fmt.Errorf("no account has the email %s (see chidao user list)", e)
	}
	return u, err
}

// findOrganization resolves --scope: an opaque GraphQL id, an integer id or
// an organisation's exact name.
func findOrganization(ctx context.Context, c *ent.Client, s string) (*ent.Organization, error) {
	s = strings.TrimSpace(s)
	id, err := parseID(s, "Organization", "organisation")
	if err == nil {
		org, err := c.Organization.Get(ctx, id)
		if ent.IsNotFound(err) {
			return nil, fmt.Errorf("no organisation has the id %s", s)
		}
		return org, err
	}
	if !errors.Is(err, errNotAnID) {
		return nil, err
	}
	orgs, err := c.Organization.Query().Where(organization.Name(s)).Order(organization.ByID()).All(ctx)
	if err != nil {
		return nil, err
	}
	switch len(orgs) {
	case 1:
		return orgs[0], nil
	case 0:
		like, err := c.Organization.Query().Where(organization.NameContainsFold(s)).Order(organization.ByName()).Limit(5).All(ctx)
		if err != nil {
			return nil, err
		}
		if len(like) == 0 {
			return nil, fmt.Errorf("no organisation is named %q (give its exact name or its id)", s)
		}
		names := make([]string, len(like))
		for i, o := range like {
			names[i] = fmt.Sprintf("%q (id %s)", o.Name, gid.Encode(o.ID))
		}
		return nil, fmt.Errorf("no organisation is named exactly %q; did you mean %s?", s, strings.Join(names, ", "))
	default:
		ids := make([]string, len(orgs))
		for i, o := range orgs {
			ids[i] = gid.Encode(o.ID)
		}
		return nil, fmt.Errorf("%d organisations are named %q; give one's id: %s", len(orgs), s, strings.Join(ids, ", "))
	}
}

// errNotAnID means a string is neither an integer nor an opaque id.
var errNotAnID = errors.New("not an id")

// parseID reads an integer id or an opaque GraphQL id of type typ (noun
// names it in errors).
func parseID(s, typ, noun string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		if n, err = gid.Decode(s); err != nil {
			return 0, errNotAnID
		}
	}
	if gid.TypeOf(n) != typ {
		return 0, fmt.Errorf("no %s has the id %s", noun, s)
	}
	return n, nil
}

func parseRole(s string) (user.Role, error) {
	r := user.Role(strings.ToUpper(strings.TrimSpace(s)))
	if user.RoleValidator(r) != nil {
		return "", fmt.Errorf("unknown role %q: want ADMIN, EDITOR, REPORTER or VIEWER", s)
	}
	return r, nil
}

func parseClearance(s string) (user.Clearance, error) {
	c := user.Clearance(strings.ReplaceAll(strings.ToUpper(strings.TrimSpace(s)), "-", "_"))
	if user.ClearanceValidator(c) != nil {
		return "", fmt.Errorf("unknown clearance %q: want NONE, MAT, TOI_MAT or TUYET_MAT", s)
	}
	return c, nil
}

// newPassword reads a password from the first line of stdin, or makes a
// random one (generated true), which the caller prints once.
func newPassword(stdin io.Reader, fromStdin bool) (password string, generated bool, err error) {
	if !fromStdin {
		return rand.Text(), true, nil
	}
	line, err := bufio.NewReader(io.LimitReader(stdin, 4096)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", false, fmt.Errorf("read the password from stdin: %w", err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", false, errors.New("no password on stdin")
	}
	if len(line) < auth.MinPasswordLen {
		return "", false, fmt.Errorf("the password is too short: it needs at least %d characters", auth.MinPasswordLen)
	}
	return line, false, nil
}

func scopeName(org *ent.Organization) string {
	if org == nil {
		return "all organisations"
	}
	return org.Name
}

// when formats an optional instant for tables, in Vietnam time (UTC+7),
// the zone chidao's days and deadlines are counted in.
func when(t *time.Time, none string) string {
	if t == nil {
		return none
	}
	return t.In(status.Zone).Format("2006-01-02 15:04")
}

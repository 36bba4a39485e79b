package net

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// LoadCookie returns the cookie that authenticates this node to its peers:
// the content of file if it is not "", else $TERMITE_COOKIE, else the
// content of ~/.termite-cookie, made with random content and mode 0600 when
// missing (as Erlang does with ~/.erlang.cookie). A cookie file that others
// may read is refused.
func LoadCookie(file string) ([]byte, error) {
	if file == "" {
		if c := os.Getenv("TERMITE_COOKIE"); c != "" {
			return []byte(c), nil
		}
		home, err := os.UserHomeDir()
		if err != nil {
			return nil, fmt.Errorf("no cookie: TERMITE_COOKIE is unset and there is no home folder (%v)", err)
		}
		file = filepath.Join(home, ".termite-cookie")
		if err := makeCookieFile(file); err != nil {
			return nil, err
		}
	}
	info, err := os.Stat(file)
	if err != nil {
		return nil, fmt.Errorf("cookie: %v", err)
	}
	if info.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("cookie file %s can be read by others (mode %04o): chmod 600 it", file, info.Mode().Perm())
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("cookie: %v", err)
	}
	cookie := strings.TrimSpace(string(data))
	if cookie == "" {
		return nil, fmt.Errorf("cookie file %s is empty", file)
	}
	return []byte(cookie), nil
}

// makeCookieFile writes a random cookie to file unless it exists.
func makeCookieFile(file string) error {
	var b [20]byte
	rand.Read(b[:])
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cookie: %v", err)
	}
	_, err = f.WriteString(strings.ToUpper(hex.EncodeToString(b[:])) + "\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

package font

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// candidates are the file names tried for each role, best first. Windows and
// macOS names come first; the Debian packages last.
var candidates = [numRoles][]string{
	Title: {
		"FZXBSJW.TTF", "方正小标宋简体.ttf", "FZXBSK.TTF", "方正小标宋_GBK.ttf", // 方正小标宋, the GB/T 9704 title face
		"simhei.ttf", "STHeiti Medium.ttc", "STHeiti Light.ttc",
		"gbsn00lp.ttf",                                       // fonts-arphic-gbsn00lp: a Song face, nearer to 小标宋 than a Hei
		"DroidSansFallbackFull.ttf", "DroidSansFallback.ttf", // fonts-droid-fallback
	},
	Heading: {
		"simhei.ttf", "FZHTK.TTF", "方正黑体_GBK.ttf", "STHeiti Light.ttc", "STHeiti Medium.ttc",
		"DroidSansFallbackFull.ttf", "DroidSansFallback.ttf",
	},
	Kaiti: {
		"simkai.ttf", "楷体_GB2312.ttf", "STKAITI.TTF", "Kaiti.ttc",
		"gkai00mp.ttf",           // fonts-arphic-gkai00mp
		"LXGWWenKai-Regular.ttf", // fonts-lxgw-wenkai
	},
	Body: {
		"simfang.ttf", "仿宋_GB2312.ttf", "FangSong_GB2312.ttf", "STFANGSO.TTF",
		"simsun.ttc", "simsun.ttf", "Songti.ttc",
		"gbsn00lp.ttf",
		"LXGWWenKai-Regular.ttf",
		"DroidSansFallbackFull.ttf", "DroidSansFallback.ttf",
		"Arial Unicode.ttf",
	},
}

// systemDirs lists the font folders of the running OS.
func systemDirs() []string {
	home, _ := os.UserHomeDir()
	switch runtime.GOOS {
	case "windows":
		win := os.Getenv("WINDIR")
		if win == "" {
			win = `C:\Windows`
		}
		dirs := []string{filepath.Join(win, "Fonts")}
		if la := os.Getenv("LOCALAPPDATA"); la != "" {
			dirs = append(dirs, filepath.Join(la, "Microsoft", "Windows", "Fonts"))
		}
		return dirs
	case "darwin":
		return []string{"/System/Library/Fonts", "/Library/Fonts", filepath.Join(home, "Library", "Fonts")}
	}
	dirs := []string{}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		dirs = append(dirs, filepath.Join(x, "fonts"))
	}
	if home != "" {
		dirs = append(dirs, filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts"))
	}
	return append(dirs, "/usr/local/share/fonts", "/usr/share/fonts", "/usr/share/fonts-droid-fallback")
}

// scan walks dirs (recursively) and maps each lower-case font file name to the
// first path where it was found.
func scan(dirs []string) map[string]string {
	found := map[string]string{}
	for _, d := range dirs {
		_ = filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				if e != nil && e.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if e.IsDir() {
				return nil
			}
			switch strings.ToLower(filepath.Ext(p)) {
			case ".ttf", ".ttc", ".otf":
				k := strings.ToLower(e.Name())
				if _, ok := found[k]; !ok {
					found[k] = p
				}
			}
			return nil
		})
	}
	return found
}

package font

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// candidate is a font file known for a role, with the style of its face.
type candidate struct {
	file  string
	style string // 小标宋 黑体 楷体 仿宋 宋体
}

// candidates are the file names tried for each role, best first. Windows
// and macOS names come first; then the Debian packages, ordered by the
// survey below.
//
// Survey of the free TrueType-outline CJK faces Debian packages (Debian 12;
// go test ./engine/pdf/font -run TestSurvey -font.survey DIR -v): coverage
// of the 3,755 characters of GB 2312 level 1, of printable ASCII (94) and
// of the marks of a report (34), and whether 𠮷 (U+20BB7) is there.
//
//	package                  file (face)              style  level 1  ASCII  marks  𠮷
//	fonts-arphic-gbsn00lp    gbsn00lp.ttf             宋      3755     94     34    no
//	fonts-arphic-uming       uming.ttc (#0 CN)        宋      3755     94     34    no
//	fonts-arphic-gkai00mp    gkai00mp.ttf             楷      3755     94     34    no
//	fonts-arphic-ukai        ukai.ttc (#0 CN)         楷      3755     94     34    no
//	fonts-lxgw-wenkai        LXGWWenKai-Regular.ttf   楷      3755     94     34    yes
//	fonts-wqy-microhei       wqy-microhei.ttc         黑      3755     94     34    no
//	fonts-wqy-zenhei         wqy-zenhei.ttc           黑      3755     94     34    no
//	fonts-droid-fallback     DroidSansFallbackFull    黑      3755      0     26    no
//	fonts-cwtex-fs           cwfs.ttf                 仿宋    2552     94     34    no
//	fonts-cwtex-kai          cwkai.ttf                楷      2576     94     34    no
//	fonts-cwtex-ming         cwming.ttf               明      2584     94     34    no
//	fonts-cwtex-heib         cwheib.ttf               黑      2573     94     34    no
//	fonts-arphic-bsmi00lp    bsmi00lp.ttf             明      2552     94     34    no
//	fonts-hanazono           HanaMinA.ttf             明      3755     94     34    yes
//	fonts-babelstone-han     BabelStoneHan.ttf        明      3755     94     34    yes
//
// So: 黑体 is WenQuanYi Micro Hei (Droid Sans Fallback has no digits, and
// "十四、2026年" would mix faces); 楷体 is AR PL KaitiM GB; no free 仿宋 or
// 小标宋 covers simplified Chinese — cwTeX FangSong, a traditional face, has
// 2,552 of the 3,755 and would set a third of the body in another face —
// so both are set in AR PL SungtiL GB (宋体), with a notice. Beyond those, a
// character comes from the next face of the role, then any installed font
// (LXGW WenKai has 𠮷).
var candidates = [numRoles][]candidate{
	Title: {
		{"FZXBSJW.TTF", "小标宋"}, {"方正小标宋简体.ttf", "小标宋"}, {"FZXBSK.TTF", "小标宋"}, {"方正小标宋_GBK.ttf", "小标宋"},
		{"simhei.ttf", "黑体"}, {"STHeiti Medium.ttc", "黑体"}, {"STHeiti Light.ttc", "黑体"},
		{"gbsn00lp.ttf", "宋体"}, // fonts-arphic-gbsn00lp: a Song face, nearer to 小标宋 than a Hei
		{"uming.ttc", "宋体"},    // fonts-arphic-uming
		{"wqy-microhei.ttc", "黑体"},
		{"DroidSansFallbackFull.ttf", "黑体"}, {"DroidSansFallback.ttf", "黑体"}, // fonts-droid-fallback
	},
	Heading: {
		{"simhei.ttf", "黑体"}, {"FZHTK.TTF", "黑体"}, {"方正黑体_GBK.ttf", "黑体"}, {"STHeiti Light.ttc", "黑体"}, {"STHeiti Medium.ttc", "黑体"},
		{"wqy-microhei.ttc", "黑体"}, // fonts-wqy-microhei
		{"wqy-zenhei.ttc", "黑体"},   // fonts-wqy-zenhei
		{"DroidSansFallbackFull.ttf", "黑体"}, {"DroidSansFallback.ttf", "黑体"},
	},
	Kaiti: {
		{"simkai.ttf", "楷体"}, {"楷体_GB2312.ttf", "楷体"}, {"STKAITI.TTF", "楷体"}, {"Kaiti.ttc", "楷体"},
		{"gkai00mp.ttf", "楷体"},           // fonts-arphic-gkai00mp
		{"ukai.ttc", "楷体"},               // fonts-arphic-ukai
		{"LXGWWenKai-Regular.ttf", "楷体"}, // fonts-lxgw-wenkai
	},
	Body: {
		{"simfang.ttf", "仿宋"}, {"仿宋_GB2312.ttf", "仿宋"}, {"FangSong_GB2312.ttf", "仿宋"}, {"STFANGSO.TTF", "仿宋"},
		{"simsun.ttc", "宋体"}, {"simsun.ttf", "宋体"}, {"Songti.ttc", "宋体"},
		{"gbsn00lp.ttf", "宋体"},
		{"uming.ttc", "宋体"},
		{"LXGWWenKai-Regular.ttf", "楷体"},
		{"wqy-microhei.ttc", "黑体"},
		{"DroidSansFallbackFull.ttf", "黑体"}, {"DroidSansFallback.ttf", "黑体"},
		{"Arial Unicode.ttf", "黑体"},
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

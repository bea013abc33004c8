package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/huibao/huibao/engine"
	"github.com/huibao/huibao/engine/diag"
	"github.com/huibao/huibao/engine/web"
)

// The web server is a user of the connector like batch (engine/web, next
// to engine/batch): the CLI only starts it.
func (a *app) serveCmd() *cobra.Command {
	var addr, dir string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "打开网页：在浏览器里填写、检查、预览和下载报告",
		Long: `启动汇报的网页。用浏览器打开显示的地址，就可以新建报告或打开已有的填报文件，
按栏目填写，边填边看到问题，预览报告，下载 PDF、Word、Excel 等文件；街道工会还可以
上传各社区的文件夹批量生成。每次修改都自动保存为草稿，关掉浏览器或重启都不会丢。

默认只有本机能打开（127.0.0.1）。要让同一局域网里的其他电脑打开，用 --addr 0.0.0.0:8080，
这时网络里的任何人都能看到和修改草稿，只在可信的网络里这样用。`,
		Example: "  huibao serve\n  huibao serve --addr 127.0.0.1:9000\n  huibao serve --addr 0.0.0.0:8080 --dir D:/汇报草稿",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			eng, err := a.engine()
			if err != nil {
				return err
			}
			a.report(eng.CatalogProblems())
			if dir == "" {
				if dir, err = defaultDataDir(); err != nil {
					return &exitError{kind: engine.OutputError, msg: err.Error()}
				}
			}
			srv, err := web.New(web.Options{Engine: eng, Dir: dir, Log: a.stderr})
			if err != nil {
				return &exitError{kind: engine.OutputError, msg: err.Error()}
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return usageErr("无法在 %s 上启动网页：%s。可能已经有一个 huibao serve 在运行，或端口被占用；请用 --addr 换一个端口，如 --addr 127.0.0.1:8081", addr, diag.OSReason(err))
			}
			if !web.Loopback(addr) {
				fmt.Fprintf(a.stderr, "警告：网页对网络开放（%s），同一网络里的任何人都能打开、修改和删除草稿。只在可信的局域网里这样用；只给本机用时去掉 --addr。\n", addr)
			}
			fmt.Fprintf(a.stdout, "汇报网页已启动：http://%s/\n用浏览器打开这个地址。草稿保存在 %s。按 Ctrl+C 停止。\n", browseAddr(ln.Addr()), dir)
			hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
			defer stop()
			go func() {
				<-ctx.Done()
				shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				defer cancel()
				hs.Shutdown(shut)
			}()
			if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return &exitError{kind: engine.OutputError, msg: "网页服务出错：" + diag.OSReason(err)}
			}
			fmt.Fprintln(a.stdout, "汇报网页已停止。")
			return nil
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "网页的`地址:端口`；默认只有本机能打开")
	cmd.Flags().StringVar(&dir, "dir", "", "保存草稿和批量文件的`文件夹`（默认在用户配置目录下的 huibao）")
	return cmd
}

// defaultDataDir is where drafts are kept by default: the user's
// configuration folder (%AppData% on Windows, ~/.config on Linux).
func defaultDataDir() (string, error) {
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("找不到保存草稿的文件夹，请用 --dir 指定一个")
	}
	return filepath.Join(base, "huibao"), nil
}

// browseAddr is the address to type into a browser: a wildcard bind is
// reached at this machine's loopback.
func browseAddr(a net.Addr) string {
	t, ok := a.(*net.TCPAddr)
	if !ok || !t.IP.IsUnspecified() {
		return a.String()
	}
	return net.JoinHostPort("127.0.0.1", fmt.Sprint(t.Port))
}

package net

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"

	rt "termite/runtime"
)

// child is a worker node that spawn-node started.
type child struct {
	cmd *exec.Cmd
}

// spawnNodeTimeout bounds how long a worker node may take to listen.
const spawnNodeTimeout = 10 * time.Second

// spawnNode starts a worker node: this binary, listening on a free port
// of 127.0.0.1, with this node's cookie, stopped when this node stops. It
// runs on a goroutine of its own (it waits for the child).
func (n *Node) spawnNode() (rt.Value, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, rt.NewError("spawn-node: " + err.Error())
	}
	cmd := exec.Command(exe, "--node", "127.0.0.1:0", "--serve")
	cmd.Env = append(os.Environ(), "TERMITE_COOKIE="+string(n.cookie))
	cmd.Stdout = n.in.Options().Stdout
	// The worker dies with this node even if this one is killed.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, rt.NewError("spawn-node: " + err.Error())
	}
	if err := cmd.Start(); err != nil {
		return nil, rt.NewError("spawn-node: " + err.Error())
	}
	n.mu.Lock()
	n.children = append(n.children, &child{cmd})
	n.mu.Unlock()
	found := make(chan string, 1)
	go func() {
		r := bufio.NewReader(stderr)
		for {
			line, err := r.ReadString('\n')
			if name, ok := strings.CutPrefix(strings.TrimSpace(line), "termite: node "); ok {
				found <- name
				break
			}
			if line != "" {
				io.WriteString(n.opts.Log, line)
			}
			if err != nil {
				close(found)
				return
			}
		}
		io.Copy(n.opts.Log, r) // the worker's later reports
	}()
	select {
	case name, ok := <-found:
		if node, valid := rt.NodeNamed(name); ok && valid {
			return node, nil
		}
		cmd.Process.Kill()
		return nil, rt.NewError("spawn-node: the worker node failed to start")
	case <-time.After(spawnNodeTimeout):
		cmd.Process.Kill()
		return nil, rt.NewError(fmt.Sprintf("spawn-node: the worker node did not start within %v", spawnNodeTimeout))
	}
}

// stopChildren stops the worker nodes.
func (n *Node) stopChildren() {
	n.mu.Lock()
	children := n.children
	n.children = nil
	n.mu.Unlock()
	for _, c := range children {
		c.cmd.Process.Signal(syscall.SIGTERM)
	}
	for _, c := range children {
		done := make(chan struct{})
		go func() { c.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(time.Second):
			c.cmd.Process.Kill()
		}
	}
}

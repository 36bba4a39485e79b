;; Two processes: the main program spawns a process, which sends a
;; string back to it. Run with: bin/termite examples/spawn-hello.scm

(let ((me (self)))                    ; the pid of the main process
  (spawn
   (! me "hello, world.")))           ; runs in the new process

(display (?))                         ; waits for the first message
(newline)

;; Messages are any values, and each process has its own mailbox.
(define echo
  (spawn
   (let loop ()
     (let ((msg (?)))
       (! (car msg) (list 'echo (cdr msg)))
       (loop)))))

(! echo (cons (self) '(1 "two" #\3)))
(write (?))
(newline)

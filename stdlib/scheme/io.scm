;;; Ports: the current ports are parameters; the procedures whose port
;;; argument is optional supply it here and call the Go primitives (%...),
;;; which take it explicitly.

(define current-input-port (make-parameter %stdin))
(define current-output-port (make-parameter %stdout))
(define current-error-port (make-parameter %stderr))

;; The port is the last argument, or comes before the optional start and
;; end of a range; nothing may follow them.
(define-syntax %define-port-procedure
  (syntax-rules ()
    ((_ (name arg ...) prim current-port)
     (define name
       (case-lambda
        ((arg ...) (prim arg ... (current-port)))
        ((arg ... port) (prim arg ... port)))))
    ((_ (name arg ...) prim current-port ranged)
     (define name
       (case-lambda
        ((arg ...) (prim arg ... (current-port)))
        ((arg ... port) (prim arg ... port))
        ((arg ... port start) (prim arg ... port start))
        ((arg ... port start end) (prim arg ... port start end)))))))

(define-syntax %define-output
  (syntax-rules ()
    ((_ spec prim extra ...) (%define-port-procedure spec prim current-output-port extra ...))))

(define-syntax %define-input
  (syntax-rules ()
    ((_ spec prim extra ...) (%define-port-procedure spec prim current-input-port extra ...))))

(%define-output (write obj) %write)
(%define-output (write-shared obj) %write-shared)
(%define-output (write-simple obj) %write-simple)
(%define-output (display obj) %display)
(%define-output (newline) %newline)
(%define-output (write-char c) %write-char)
(%define-output (write-u8 b) %write-u8)
(%define-output (flush-output-port) %flush-output-port)

(%define-output (write-string s) %write-string ranged)
(%define-output (write-bytevector bv) %write-bytevector ranged)

(%define-input (read-char) %read-char)
(%define-input (peek-char) %peek-char)
(%define-input (read-line) %read-line)
(%define-input (read-string k) %read-string)
(%define-input (read-u8) %read-u8)
(%define-input (peek-u8) %peek-u8)
(%define-input (u8-ready?) %u8-ready?)
(%define-input (char-ready?) %char-ready?)
(%define-input (read-bytevector k) %read-bytevector)
(%define-input (read) %read)

(%define-input (read-bytevector! bv) %read-bytevector! ranged)

(define (call-with-port port proc)
  (call-with-values (lambda () (proc port))
    (lambda results
      (close-port port)
      (apply values results))))

(define (call-with-input-file file proc)
  (call-with-port (open-input-file file) proc))

(define (call-with-output-file file proc)
  (call-with-port (open-output-file file) proc))

(define (with-input-from-file file thunk)
  (let ((port (open-input-file file)))
    (call-with-values
        (lambda () (parameterize ((current-input-port port)) (thunk)))
      (lambda results
        (close-port port)
        (apply values results)))))

(define (with-output-to-file file thunk)
  (let ((port (open-output-file file)))
    (call-with-values
        (lambda () (parameterize ((current-output-port port)) (thunk)))
      (lambda results
        (close-port port)
        (apply values results)))))

(define (call-with-output-string proc)
  (let ((port (open-output-string)))
    (proc port)
    (get-output-string port)))

(define (with-output-to-string thunk)
  (let ((port (open-output-string)))
    (parameterize ((current-output-port port)) (thunk))
    (get-output-string port)))

;; Gambit's print and println: display each argument.
(define (print . objs)
  (for-each display objs))

(define (println . objs)
  (for-each display objs)
  (newline))

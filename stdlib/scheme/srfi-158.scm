;;; SRFI 158: generators and accumulators. A generator is a procedure of
;;; no arguments returning the next value, or the eof object once it is
;;; exhausted (and from then on). An accumulator is a procedure of one
;;; argument that takes in a value, or, given the eof object, returns
;;; what it has accumulated. The derived generators here are lazy: they
;;; call their source generators only when they are themselves called,
;;; and never again once a source has returned the eof object.

(define (%exhausted) (eof-object))

;;; Generator constructors

(define (generator . items)
  (lambda ()
    (if (pair? items)
        (let ((x (car items)))
          (set! items (cdr items))
          x)
        (eof-object))))

(define (circular-generator item . items)
  (let* ((all (cons item items)) (l all))
    (lambda ()
      (if (null? l) (set! l all))
      (let ((x (car l)))
        (set! l (cdr l))
        x))))

(define (%start+step start step i)
  ;; start + i*step, inexact when start or step is, as SRFI 158 asks of
  ;; the numeric generators. Each value is computed afresh, so that an
  ;; inexact step does not accumulate rounding errors.
  (let ((x (+ start (* i step))))
    (if (and (exact? x) (or (inexact? start) (inexact? step)))
        (exact->inexact x)
        x)))

(define (make-iota-generator count . opts)
  (let ((start (if (pair? opts) (car opts) 0))
        (step (if (and (pair? opts) (pair? (cdr opts))) (cadr opts) 1))
        (i 0))
    (lambda ()
      (if (>= i count)
          (eof-object)
          (let ((x (%start+step start step i)))
            (set! i (+ i 1))
            x)))))

(define (make-range-generator start . opts)
  ;; Without end, the range is endless.
  (let ((end (if (pair? opts) (car opts) #f))
        (step (if (and (pair? opts) (pair? (cdr opts))) (cadr opts) 1))
        (i 0))
    (lambda ()
      (let ((x (%start+step start step i)))
        (if (and end (>= x end))
            (eof-object)
            (begin (set! i (+ i 1)) x))))))

(define (make-coroutine-generator proc)
  ;; proc runs as a coroutine: (yield v) hands v to the caller of the
  ;; generator and suspends proc until the generator is called again.
  ;; return is the continuation of the current call of the generator,
  ;; resume that of the suspended proc. Once proc returns, the
  ;; generator is exhausted.
  (define return #f)
  (define resume #f)
  (define (yield v)
    (call/cc (lambda (k)
               (set! resume k)
               (return v))))
  (lambda ()
    (call/cc (lambda (r)
               (set! return r)
               (if resume
                   (resume #f)
                   (begin
                     (proc yield)
                     (set! resume (lambda (ignored) (return (eof-object))))
                     (return (eof-object))))))))

(define (list->generator l)
  (lambda ()
    (if (pair? l)
        (let ((x (car l)))
          (set! l (cdr l))
          x)
        (eof-object))))

(define (%range-opts who len opts)
  ;; The optional [start end] of a sequence of length len, checked.
  (let ((start (if (pair? opts) (car opts) 0))
        (end (if (and (pair? opts) (pair? (cdr opts))) (cadr opts) len)))
    (if (not (and (exact-integer? start) (exact-integer? end) (<= 0 start end len)))
        (error (string-append who ": bad subrange") start end))
    (values start end)))

(define (%indexed-generator ref i end step)
  ;; (ref i) for i from i by step until it reaches end.
  (lambda ()
    (if (= i end)
        (eof-object)
        (let ((x (ref i)))
          (set! i (+ i step))
          x))))

(define (vector->generator v . opts)
  (let-values (((start end) (%range-opts "vector->generator" (vector-length v) opts)))
    (%indexed-generator (lambda (i) (vector-ref v i)) start end 1)))

(define (reverse-vector->generator v . opts)
  (let-values (((start end) (%range-opts "reverse-vector->generator" (vector-length v) opts)))
    (%indexed-generator (lambda (i) (vector-ref v i)) (- end 1) (- start 1) -1)))

(define (string->generator s . opts)
  (let-values (((start end) (%range-opts "string->generator" (string-length s) opts)))
    (%indexed-generator (lambda (i) (string-ref s i)) start end 1)))

(define (bytevector->generator bv . opts)
  (let-values (((start end) (%range-opts "bytevector->generator" (bytevector-length bv) opts)))
    (%indexed-generator (lambda (i) (bytevector-u8-ref bv i)) start end 1)))

(define (make-for-each-generator for-each obj)
  (make-coroutine-generator (lambda (yield) (for-each yield obj))))

(define (make-unfold-generator stop? mapper successor seed)
  (lambda ()
    (if (stop? seed)
        (eof-object)
        (let ((x (mapper seed)))
          (set! seed (successor seed))
          x))))

;;; Generator operations

(define (gcons* . args)
  ;; The items, then what the generator (the last argument) yields.
  (let ((items (reverse (cdr (reverse args))))
        (gen (car (reverse args))))
    (lambda ()
      (if (pair? items)
          (let ((x (car items)))
            (set! items (cdr items))
            x)
          (gen)))))

(define (gappend . gens)
  (lambda ()
    (let loop ()
      (if (null? gens)
          (eof-object)
          (let ((x ((car gens))))
            (if (eof-object? x)
                (begin (set! gens (cdr gens)) (loop))
                x))))))

(define (gflatten gen)
  ;; gen yields lists, whose elements are yielded in turn.
  (let ((items '()) (done #f))
    (lambda ()
      (let loop ()
        (cond ((pair? items)
               (let ((x (car items)))
                 (set! items (cdr items))
                 x))
              (done (eof-object))
              (else
               (let ((l (gen)))
                 (if (eof-object? l)
                     (begin (set! done #t) (eof-object))
                     (begin (set! items l) (loop))))))))))

(define (ggroup gen k . padding)
  ;; Lists of k items; the last one, shorter, is padded when padding is
  ;; given.
  (let ((done #f))
    (lambda ()
      (if done
          (eof-object)
          (let loop ((i 0) (acc '()))
            (if (= i k)
                (reverse acc)
                (let ((x (gen)))
                  (if (eof-object? x)
                      (begin
                        (set! done #t)
                        (cond ((null? acc) (eof-object))
                              ((pair? padding)
                               (append (reverse acc) (make-list (- k i) (car padding))))
                              (else (reverse acc))))
                      (loop (+ i 1) (cons x acc))))))))))

(define (%gen-puller gen)
  ;; A one-item lookahead on gen: (peek) returns the next item without
  ;; consuming it, (next!) consumes it. gen is first called on the first
  ;; peek, and no more once it is exhausted.
  (let ((item #f) (have #f) (done #f))
    (define (peek)
      (cond (have item)
            (done (eof-object))
            (else
             (let ((x (gen)))
               (if (eof-object? x)
                   (begin (set! done #t) x)
                   (begin (set! item x) (set! have #t) x))))))
    (define (next!)
      (let ((x (peek)))
        (set! have #f)
        (set! item #f)
        x))
    (values peek next!)))

(define (%gmerge2 less? g1 g2)
  ;; On ties, the item of g1 comes first.
  (let-values (((peek1 next1!) (%gen-puller g1))
               ((peek2 next2!) (%gen-puller g2)))
    (lambda ()
      (let ((a (peek1)) (b (peek2)))
        (cond ((eof-object? a) (next2!))
              ((eof-object? b) (next1!))
              ((less? b a) (next2!))
              (else (next1!)))))))

(define (gmerge less? . gens)
  (cond ((null? gens) %exhausted)
        ((null? (cdr gens)) (car gens))
        (else (let loop ((g (car gens)) (rest (cdr gens)))
                (if (null? rest)
                    g
                    (loop (%gmerge2 less? g (car rest)) (cdr rest)))))))

(define (%gens-next gens)
  ;; The next items of gens, as a list, or #f when one is exhausted.
  (let loop ((gens gens) (acc '()))
    (if (null? gens)
        (reverse acc)
        (let ((x ((car gens))))
          (if (eof-object? x)
              #f
              (loop (cdr gens) (cons x acc)))))))

(define (gmap proc gen . gens)
  (let ((gens (cons gen gens)) (done #f))
    (lambda ()
      (if done
          (eof-object)
          (let ((items (%gens-next gens)))
            (if items
                (apply proc items)
                (begin (set! done #t) (eof-object))))))))

(define (gcombine proc seed gen . gens)
  ;; (proc item ... seed) returns the item to yield and the next seed.
  (let ((gens (cons gen gens)) (done #f))
    (lambda ()
      (if done
          (eof-object)
          (let ((items (%gens-next gens)))
            (if items
                (call-with-values (lambda () (apply proc (append items (list seed))))
                  (lambda (x new-seed)
                    (set! seed new-seed)
                    x))
                (begin (set! done #t) (eof-object))))))))

(define (gfilter pred gen)
  (lambda ()
    (let loop ()
      (let ((x (gen)))
        (if (or (eof-object? x) (pred x))
            x
            (loop))))))

(define (gremove pred gen)
  (gfilter (lambda (x) (not (pred x))) gen))

(define (gstate-filter proc seed gen)
  ;; (proc item state) returns whether to yield item, and the next state.
  (lambda ()
    (let loop ()
      (let ((x (gen)))
        (if (eof-object? x)
            x
            (call-with-values (lambda () (proc x seed))
              (lambda (yes new-seed)
                (set! seed new-seed)
                (if yes x (loop)))))))))

(define (gtake gen k . padding)
  ;; At most k items; exactly k when padding is given, which fills in
  ;; for the items gen did not have.
  (let ((i 0) (done #f))
    (lambda ()
      (if (>= i k)
          (eof-object)
          (let ((x (if done (eof-object) (gen))))
            (if (eof-object? x)
                (begin
                  (set! done #t)
                  (if (pair? padding)
                      (begin (set! i (+ i 1)) (car padding))
                      (begin (set! i k) x)))
                (begin (set! i (+ i 1)) x)))))))

(define (gdrop gen k)
  (lambda ()
    (let loop ()
      (if (> k 0)
          (let ((x (gen)))
            (set! k (- k 1))
            (if (eof-object? x)
                (begin (set! k 0) x)
                (loop)))
          (gen)))))

(define (gtake-while pred gen)
  (let ((done #f))
    (lambda ()
      (if done
          (eof-object)
          (let ((x (gen)))
            (if (or (eof-object? x) (not (pred x)))
                (begin (set! done #t) (eof-object))
                x))))))

(define (gdrop-while pred gen)
  (let ((dropping #t))
    (lambda ()
      (if dropping
          (let loop ()
            (let ((x (gen)))
              (if (and (not (eof-object? x)) (pred x))
                  (loop)
                  (begin (set! dropping #f) x))))
          (gen)))))

(define (gdelete item gen . maybe=)
  ;; Compares as (= item x), equal? by default.
  (let ((= (if (pair? maybe=) (car maybe=) equal?)))
    (gfilter (lambda (x) (not (= item x))) gen)))

(define (gdelete-neighbor-dups gen . maybe=)
  ;; Compares each item with the last one yielded, as (= last item).
  (let ((= (if (pair? maybe=) (car maybe=) equal?))
        (first #t)
        (last #f))
    (lambda ()
      (let loop ()
        (let ((x (gen)))
          (cond ((eof-object? x) x)
                ((and (not first) (= last x)) (loop))
                (else (set! first #f) (set! last x) x)))))))

(define (gindex value-gen index-gen)
  ;; The items of value-gen at the (increasing) indices from index-gen.
  (let ((pos 0) (done #f))
    (lambda ()
      (if done
          (eof-object)
          (let ((index (index-gen)))
            (if (eof-object? index)
                (begin (set! done #t) index)
                (let loop ()
                  (let ((x (value-gen)))
                    (cond ((eof-object? x) (set! done #t) x)
                          ((= pos index) (set! pos (+ pos 1)) x)
                          (else (set! pos (+ pos 1)) (loop)))))))))))

(define (gselect value-gen truth-gen)
  ;; The items of value-gen whose matching item of truth-gen is true.
  (let ((done #f))
    (lambda ()
      (let loop ()
        (if done
            (eof-object)
            (let ((x (value-gen)) (keep (truth-gen)))
              (cond ((or (eof-object? x) (eof-object? keep))
                     (set! done #t)
                     (eof-object))
                    (keep x)
                    (else (loop)))))))))

;;; Consuming generators

(define (generator->reverse-list gen . n)
  ;; At most n items, all of them by default.
  (let ((limit (if (pair? n) (car n) #f)))
    (let loop ((i 0) (acc '()))
      (if (and limit (>= i limit))
          acc
          (let ((x (gen)))
            (if (eof-object? x)
                acc
                (loop (+ i 1) (cons x acc))))))))

(define (generator->list gen . n)
  (reverse (apply generator->reverse-list gen n)))

(define (generator->vector gen . n)
  (list->vector (apply generator->list gen n)))

(define (generator->vector! v at gen)
  ;; Fills v from at until gen or v runs out; returns how many items
  ;; were stored.
  (let loop ((i at))
    (if (>= i (vector-length v))
        (- i at)
        (let ((x (gen)))
          (if (eof-object? x)
              (- i at)
              (begin (vector-set! v i x) (loop (+ i 1))))))))

(define (generator->string gen . n)
  (list->string (apply generator->list gen n)))

(define (generator-fold proc seed gen . gens)
  ;; (proc item ... acc), until one generator is exhausted.
  (let ((gens (cons gen gens)))
    (let loop ((acc seed))
      (let ((items (%gens-next gens)))
        (if items
            (loop (apply proc (append items (list acc))))
            acc)))))

(define (generator-for-each proc gen . gens)
  (let ((gens (cons gen gens)))
    (let loop ()
      (let ((items (%gens-next gens)))
        (if items
            (begin (apply proc items) (loop)))))))

(define (generator-map->list proc gen . gens)
  (let ((gens (cons gen gens)))
    (let loop ((acc '()))
      (let ((items (%gens-next gens)))
        (if items
            (loop (cons (apply proc items) acc))
            (reverse acc))))))

(define (generator-find pred gen)
  (let loop ()
    (let ((x (gen)))
      (cond ((eof-object? x) #f)
            ((pred x) x)
            (else (loop))))))

(define (generator-count pred gen)
  (let loop ((n 0))
    (let ((x (gen)))
      (cond ((eof-object? x) n)
            ((pred x) (loop (+ n 1)))
            (else (loop n))))))

(define (generator-any pred gen)
  (let loop ()
    (let ((x (gen)))
      (if (eof-object? x)
          #f
          (or (pred x) (loop))))))

(define (generator-every pred gen)
  ;; The value of pred on the last item, #t when there is none.
  (let loop ((last #t))
    (let ((x (gen)))
      (if (eof-object? x)
          last
          (let ((r (pred x)))
            (and r (loop r)))))))

(define (generator-unfold gen unfold . args)
  (apply unfold eof-object? (lambda (x) x) (lambda (x) (gen)) (gen) args))

;;; Accumulators

(define (make-accumulator kons knil finalizer)
  (let ((state knil))
    (lambda (x)
      (if (eof-object? x)
          (finalizer state)
          (set! state (kons x state))))))

(define (count-accumulator)
  (make-accumulator (lambda (x n) (+ n 1)) 0 (lambda (n) n)))

(define (list-accumulator)
  (make-accumulator cons '() reverse))

(define (reverse-list-accumulator)
  (make-accumulator cons '() (lambda (l) l)))

(define (vector-accumulator)
  (make-accumulator cons '() (lambda (l) (list->vector (reverse l)))))

(define (reverse-vector-accumulator)
  (make-accumulator cons '() list->vector))

(define (vector-accumulator! v at)
  ;; Stores each value into v from at on; the eof object returns v.
  (lambda (x)
    (if (eof-object? x)
        v
        (begin (vector-set! v at x)
               (set! at (+ at 1))))))

(define (string-accumulator)
  (make-accumulator cons '() (lambda (l) (list->string (reverse l)))))

(define (bytevector-accumulator)
  (make-accumulator cons '() (lambda (l) (apply bytevector (reverse l)))))

(define (bytevector-accumulator! bv at)
  (lambda (x)
    (if (eof-object? x)
        bv
        (begin (bytevector-u8-set! bv at x)
               (set! at (+ at 1))))))

(define (sum-accumulator)
  (make-accumulator + 0 (lambda (x) x)))

(define (product-accumulator)
  (make-accumulator * 1 (lambda (x) x)))

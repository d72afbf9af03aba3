package sa.qayd.app.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import sa.qayd.api.ErrorCode;

/**
 * Every request body is bounded by {@link HttpLimits#maxBodySize()}: a declared length over the
 * limit is refused before a byte is read, and a chunked body fails at the first byte past it, so
 * no reader (JSON, the idempotency fingerprint) ever holds more than the limit in memory. A body
 * whose declared type is not a concrete media type ({@code *}{@code /*}, garbage) is refused here
 * too: Spring cannot even represent such a request's headers.
 */
class BodyGuardFilter extends OncePerRequestFilter {
    private final long limit;
    private final Problems problems;

    BodyGuardFilter(HttpLimits limits, Problems problems) {
        this.limit = limits.maxBodySize().toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            // the client is still sending: do not let the container drain an unbounded body first
            response.setHeader("Connection", "close");
            problems.write(response, ErrorCode.PAYLOAD_TOO_LARGE, new BodyTooLargeException(limit).detail());
            return;
        }
        if (!concreteOrAbsent(request.getContentType())) {
            problems.write(response, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be a media type such as application/json");
            return;
        }
        chain.doFilter(new BoundedRequest(request, limit), response);
    }

    private static boolean concreteOrAbsent(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static final class BoundedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream bounded;

        BoundedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (bounded == null) {
                bounded = new BoundedInputStream(super.getInputStream(), limit);
            }
            return bounded;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset;
            try {
                charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) {
                throw new UnsupportedEncodingException(encoding);
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class BoundedInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        BoundedInputStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // never ask for more than one byte past the limit, so an oversized body is never buffered whole
            int n = in.read(buffer, offset, (int) Math.min(length, limit - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}

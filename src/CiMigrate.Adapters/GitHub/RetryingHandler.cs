using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace CiMigrate.GitHub;

/// <summary>
/// Retries every GitHub request, below Octokit, on rate limits (429, or 403 with <c>x-ratelimit-remaining: 0</c>
/// or <c>retry-after</c>) and transient failures (500, 502, 503, 504, connection errors), with bounded back-off
/// that honours <c>retry-after</c> and <c>x-ratelimit-reset</c>. When it gives up it throws
/// <see cref="GitHubUnavailableException"/> naming the method and path, never headers (the token is in them).
/// See https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#handle-rate-limit-errors-appropriately.
/// </summary>
sealed class RetryingHandler(RetryPolicy policy) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var what = $"{request.Method} {request.RequestUri?.AbsolutePath}";
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                if (attempt >= policy.MaxAttempts)
                    throw new GitHubUnavailableException(
                        $"GitHub could not be reached for {what} after {attempt} attempts ({ex.HttpRequestError}). " +
                        "Check the network and GITHUB_API_URL, then run the job again.");
                await policy.Delay(Backoff(attempt), cancellationToken);
                continue;
            }

            var retry = Classify(response, attempt);
            if (retry is null)
                return response;

            var (wait, rateLimited, resetsAt) = retry.Value;
            var status = $"{(int)response.StatusCode} {response.ReasonPhrase ?? response.StatusCode.ToString()}";
            response.Dispose();
            if (rateLimited && wait > policy.MaxDelay)
                throw new GitHubUnavailableException(RateLimitMessage(what, status, resetsAt));
            if (attempt >= policy.MaxAttempts)
                throw new GitHubUnavailableException(rateLimited
                    ? RateLimitMessage(what, status, resetsAt)
                    : $"GitHub answered {status} to {what} {attempt} times; gave up. GitHub may be having trouble " +
                      "(https://www.githubstatus.com): run the job again later.");
            await policy.Delay(wait, cancellationToken);
        }
    }

    (TimeSpan Wait, bool RateLimited, DateTimeOffset? ResetsAt)? Classify(HttpResponseMessage response, int attempt)
    {
        var status = response.StatusCode;
        var retryAfter = RetryAfter(response.Headers);
        var resetsAt = RateLimitReset(response.Headers);
        var exhausted = Header(response.Headers, "x-ratelimit-remaining") == "0";

        if (status == HttpStatusCode.TooManyRequests || (status == HttpStatusCode.Forbidden && (exhausted || retryAfter is not null)))
        {
            var untilReset = resetsAt is null ? (TimeSpan?)null : resetsAt.Value - policy.Time.GetUtcNow();
            var wait = retryAfter ?? (exhausted && untilReset is not null ? untilReset.Value : Backoff(attempt));
            return (wait < TimeSpan.Zero ? TimeSpan.Zero : wait, true, resetsAt);
        }

        if (status is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout)
            return (retryAfter is { } after && after <= policy.MaxDelay ? after : Backoff(attempt), false, null);

        return null;
    }

    TimeSpan Backoff(int attempt) =>
        TimeSpan.FromTicks(Math.Min(policy.MaxDelay.Ticks, policy.BaseDelay.Ticks * (1L << Math.Min(attempt - 1, 20))));

    static string RateLimitMessage(string what, string status, DateTimeOffset? resetsAt) =>
        $"GitHub's API rate limit stopped {what} ({status})" +
        (resetsAt is null ? "" : $"; it resets at {resetsAt.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC") +
        ". Run the job again after that, or use a token with a higher limit.";

    static TimeSpan? RetryAfter(HttpResponseHeaders headers)
    {
        if (headers.RetryAfter?.Delta is { } delta)
            return delta;
        if (headers.RetryAfter?.Date is { } date)
            return date - DateTimeOffset.UtcNow;
        return null;
    }

    static DateTimeOffset? RateLimitReset(HttpResponseHeaders headers) =>
        long.TryParse(Header(headers, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)
            ? DateTimeOffset.FromUnixTimeSeconds(epoch)
            : null;

    static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}

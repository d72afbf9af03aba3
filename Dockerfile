# Builds and runs the Qayd service. Used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 qayd && mkdir -p /var/lib/simulator && chown qayd /var/lib/simulator
WORKDIR /app
COPY --from=build /src/qayd-app/target/qayd-app-*.jar /app/qayd.jar
USER qayd
EXPOSE 8080
ENTRYPOINT ["java", "-Daxoniq.update-checker.disabled=true", "-jar", "/app/qayd.jar"]

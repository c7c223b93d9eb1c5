# Build with the project's Maven wrapper, run on a slim JRE as a non-root user; Java 25, as the benchmarks are measured on
# (virtual threads waiting for a monitor release their carrier since Java 24).
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY ussd-menus ussd-menus
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:25-jre-alpine
RUN addgroup -S afyadial && adduser -S -G afyadial afyadial
WORKDIR /app
COPY --from=build /src/target/afyadial.jar /app/afyadial.jar
# class-data-sharing archive of one training start, for this very JRE
RUN java -XX:ArchiveClassesAtExit=/app/afyadial.jsa -jar /app/afyadial.jar train-startup
# the store file lives in the data directory: the user writes it, and it outlives the container
RUN mkdir /app/data && chown afyadial:afyadial /app/data
VOLUME /app/data
USER afyadial
ENV AFYADIAL_DATA_DIR=/app/data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s CMD wget -qO- http://127.0.0.1:8080/health || exit 1
# the run command's GC flags (README): a 12 ms pause goal, as G1's default (200 ms) let young collections take
# 50-80 ms under USSD load, and survivors moved straight to the old generation instead of being copied again and again
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:MaxGCPauseMillis=12", "-XX:MaxTenuringThreshold=0", "-XX:SharedArchiveFile=/app/afyadial.jsa", "-jar", "/app/afyadial.jar"]
